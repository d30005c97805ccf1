package arabrief.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Host name to addresses: the system's DNS, or a table in tests (no request ever leaves the machine). */
@FunctionalInterface
public interface Resolver {
  Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  List<InetAddress> resolve(String host) throws UnknownHostException;
}

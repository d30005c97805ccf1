package arabrief.fetch;

/** How arabrief names itself to web servers, and the name its robots.txt rules are looked up by. */
public final class UserAgent {
  /** arabrief's version (also what {@code arabrief --version} prints). */
  public static final String VERSION = "0.1.0";
  /** The product token robots.txt groups are matched against. */
  public static final String ROBOTS_NAME = "arabrief";
  public static final String DEFAULT = "arabrief/" + VERSION + " (Arabic news to English briefs; obeys robots.txt)";

  private UserAgent() {}
}

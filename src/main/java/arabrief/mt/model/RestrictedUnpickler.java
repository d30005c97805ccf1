package arabrief.mt.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately tiny Python-pickle interpreter that understands exactly what {@code torch.save}
 * writes for a state dict, and nothing more.
 *
 * <p>Why hand-written: a pickle is a program, not data. Its {@code GLOBAL}/{@code STACK_GLOBAL} +
 * {@code REDUCE} opcodes call arbitrary Python functions, which is how a downloaded
 * {@code pytorch_model.bin} can run {@code os.system(...)}. No Java library reads torch pickles
 * safely: general Java pickle readers (e.g. Pyrolite) map globals onto registered constructors and
 * are built to be extended, not to refuse, and Java serialization is a different format with the
 * same class of problem. So this reader:
 *
 * <ul>
 *   <li>implements only the opcodes a state dict uses (protocol 2, plus the protocol 4 framing
 *       opcodes in case a file was saved with a newer {@code pickle_protocol});
 *   <li>accepts a {@code GLOBAL} only from a fixed allow-list and refuses everything else <em>at
 *       the moment the global is named</em>, before any call could be attempted;
 *   <li>never constructs Java objects by name, never uses reflection or Java serialization: every
 *       value is one of a handful of plain records defined here;
 *   <li>bounds everything the file controls (string lengths, integer widths, memo indices).
 * </ul>
 *
 * <p>The result of {@link #load()} is a tree of: {@code String}, {@code Long} (integers wider than
 * 64 bits are refused), {@code Double}, {@code Boolean}, {@code null},
 * {@link Tuple}, {@code List<Object>}, {@code Map<Object,Object>} (ordered), {@link StorageRef},
 * {@link TensorRef}.
 */
final class RestrictedUnpickler {

  /** {@code module.name} globals that may appear at all. */
  static final String ORDERED_DICT = "collections.OrderedDict";

  static final String REBUILD_TENSOR_V2 = "torch._utils._rebuild_tensor_v2";
  static final String REBUILD_PARAMETER = "torch._utils._rebuild_parameter";

  /** Storage class global → torch dtype name. These are only valid inside a persistent id. */
  static final Map<String, String> STORAGE_TYPES;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("torch.FloatStorage", "float32");
    m.put("torch.HalfStorage", "float16");
    m.put("torch.BFloat16Storage", "bfloat16");
    m.put("torch.DoubleStorage", "float64");
    m.put("torch.LongStorage", "int64");
    m.put("torch.IntStorage", "int32");
    m.put("torch.ShortStorage", "int16");
    m.put("torch.CharStorage", "int8");
    m.put("torch.ByteStorage", "uint8");
    m.put("torch.BoolStorage", "bool");
    STORAGE_TYPES = Collections.unmodifiableMap(m);
  }

  static final Set<String> CALLABLE_GLOBALS = Set.of(ORDERED_DICT, REBUILD_TENSOR_V2, REBUILD_PARAMETER);

  /** Longest string we accept from the pickle; state-dict keys are short. */
  private static final int MAX_STRING_BYTES = 1 << 20;

  /** A Python tuple. */
  record Tuple(List<Object> items) {
    Tuple {
      items = Collections.unmodifiableList(items);
    }

    int size() {
      return items.size();
    }

    Object get(int i) {
      return items.get(i);
    }
  }

  /** An allow-listed global, as named in the pickle. */
  record Global(String module, String name) {
    String qualified() {
      return module + "." + name;
    }
  }

  /** The persistent id {@code ('storage', storage_type, key, location, numel)}. */
  record StorageRef(String dtype, String key, String location, long numel) {}

  /** The arguments of {@code _rebuild_tensor_v2}, nothing materialised yet. */
  record TensorRef(StorageRef storage, long storageOffset, long[] size, long[] stride) {}

  /** Distinct marker object for MARK on the stack. */
  private static final Object MARK_OBJ = new Object() {
    @Override
    public String toString() {
      return "MARK";
    }
  };

  private final byte[] data;
  private final String fileName;
  private int pos;
  private final ArrayList<Object> stack = new ArrayList<>();
  private final ArrayList<Integer> marks = new ArrayList<>();
  private final HashMap<Long, Object> memo = new HashMap<>();

  /**
   * @param data the bytes of {@code data.pkl}
   * @param fileName used in error messages (the checkpoint file, e.g. {@code pytorch_model.bin})
   */
  RestrictedUnpickler(byte[] data, String fileName) {
    this(data, 0, fileName);
  }

  /** Reads the pickle that starts at {@code offset} of {@code data} (the legacy format holds several in a row). */
  RestrictedUnpickler(byte[] data, int offset, String fileName) {
    this.data = data;
    this.fileName = fileName;
    this.pos = offset;
  }

  /** Where the bytes after the STOP opcode begin, once {@link #load} has returned. */
  int position() {
    return pos;
  }

  /** Runs the pickle to its STOP opcode and returns the top-level object. */
  Object load() throws CheckpointException {
    while (true) {
      int at = pos;
      int op = u8();
      switch (op) {
        case 0x80 -> { // PROTO
          int proto = u8();
          if (proto < 2 || proto > 5) {
            throw fail("pickle protocol " + proto + " is not one torch.save writes");
          }
        }
        case 0x95 -> { // FRAME: length is only a buffering hint
          skip(8);
        }
        case '.' -> { // STOP
          if (stack.size() != 1 || !marks.isEmpty()) {
            throw fail("pickle stopped with " + stack.size() + " values on the stack");
          }
          return stack.get(0);
        }
        case '}' -> push(new LinkedHashMap<Object, Object>()); // EMPTY_DICT
        case ']' -> push(new ArrayList<Object>()); // EMPTY_LIST
        case ')' -> push(new Tuple(List.of())); // EMPTY_TUPLE
        case '(' -> marks.add(stack.size()); // MARK
        case 't' -> push(new Tuple(popToMark())); // TUPLE
        case 0x85 -> push(new Tuple(popN(1))); // TUPLE1
        case 0x86 -> push(new Tuple(popN(2))); // TUPLE2
        case 0x87 -> push(new Tuple(popN(3))); // TUPLE3
        case '0' -> pop(); // POP
        case '1' -> popToMark(); // POP_MARK
        case '2' -> push(peek()); // DUP
        case 'q' -> memo.put((long) u8(), peek()); // BINPUT
        case 'r' -> memo.put(u32(), peek()); // LONG_BINPUT
        case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
        case 'h' -> push(memoGet(u8())); // BINGET
        case 'j' -> push(memoGet(u32())); // LONG_BINGET
        case 'J' -> push((long) i32()); // BININT
        case 'K' -> push((long) u8()); // BININT1
        case 'M' -> push((long) (u8() | (u8() << 8))); // BININT2
        case 0x8a -> push(long1()); // LONG1
        case 'X' -> push(utf8(u32())); // BINUNICODE
        case 0x8c -> push(utf8(u8())); // SHORT_BINUNICODE
        case 'G' -> push(Double.longBitsToDouble(beLong())); // BINFLOAT
        case 0x88 -> push(Boolean.TRUE); // NEWTRUE
        case 0x89 -> push(Boolean.FALSE); // NEWFALSE
        case 'N' -> push(null); // NONE
        case 's' -> { // SETITEM
          Object value = pop();
          Object key = pop();
          asDict(peek(), "SETITEM").put(hashable(key), value);
        }
        case 'u' -> { // SETITEMS
          List<Object> items = popToMark();
          if (items.size() % 2 != 0) {
            throw fail("SETITEMS with an odd number of items");
          }
          Map<Object, Object> dict = asDict(peek(), "SETITEMS");
          for (int i = 0; i < items.size(); i += 2) {
            dict.put(hashable(items.get(i)), items.get(i + 1));
          }
        }
        case 'a' -> { // APPEND
          Object value = pop();
          asList(peek(), "APPEND").add(value);
        }
        case 'e' -> { // APPENDS
          List<Object> items = popToMark();
          asList(peek(), "APPENDS").addAll(items);
        }
        case 'c' -> { // GLOBAL "module\nname\n"
          String module = line();
          String name = line();
          push(global(module, name));
        }
        case 0x93 -> { // STACK_GLOBAL
          Object name = pop();
          Object module = pop();
          if (!(module instanceof String m) || !(name instanceof String n)) {
            throw fail("STACK_GLOBAL needs two strings");
          }
          push(global(m, n));
        }
        case 'Q' -> push(persistentLoad(pop())); // BINPERSID
        case 'R' -> { // REDUCE
          Object args = pop();
          Object callable = pop();
          push(reduce(callable, args));
        }
        case 'b' -> { // BUILD
          Object state = pop();
          Object target = peek();
          build(target, state);
        }
        default -> throw fail(String.format(
            "unsupported pickle opcode 0x%02x at offset %d (a torch state dict never uses it)",
            op, at));
      }
    }
  }

  // ---------------------------------------------------------------- semantic parts

  private Global global(String module, String name) throws CheckpointException {
    String qualified = module + "." + name;
    if (CALLABLE_GLOBALS.contains(qualified) || STORAGE_TYPES.containsKey(qualified)) {
      return new Global(module, name);
    }
    throw new CheckpointException(fileName + " refuses to load: the pickle names '" + qualified
        + "', which a state dict never needs");
  }

  private StorageRef persistentLoad(Object pid) throws CheckpointException {
    // the zip format's id has 5 items; the legacy format's a sixth, view_metadata, None for any storage
    // written since torch 0.4 (a storage view is refused: no state dict of a Marian model holds one)
    if (!(pid instanceof Tuple t) || (t.size() != 5 && t.size() != 6) || !"storage".equals(t.get(0))) {
      throw fail("persistent id is not ('storage', type, key, location, numel): " + describe(pid));
    }
    if (t.size() == 6 && t.get(5) != null) {
      throw fail("persistent id is a view of another storage (view_metadata " + describe(t.get(5))
          + "), which only pre-0.4 torch wrote");
    }
    if (!(t.get(1) instanceof Global g) || !STORAGE_TYPES.containsKey(g.qualified())) {
      throw fail("persistent id storage type is not a torch storage class: " + describe(t.get(1)));
    }
    if (!(t.get(2) instanceof String key) || !isSafeStorageKey(key)) {
      throw fail("persistent id has a bad storage key: " + describe(t.get(2)));
    }
    if (!(t.get(3) instanceof String location)) {
      throw fail("persistent id has a bad location: " + describe(t.get(3)));
    }
    if (!(t.get(4) instanceof Long numel) || numel < 0) {
      throw fail("persistent id has a bad element count: " + describe(t.get(4)));
    }
    return new StorageRef(STORAGE_TYPES.get(g.qualified()), key, location, numel);
  }

  /** Storage keys name zip entries {@code <archive>/data/<key>}; torch uses decimal counters. */
  private static boolean isSafeStorageKey(String key) {
    if (key.isEmpty() || key.length() > 64) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private Object reduce(Object callable, Object args) throws CheckpointException {
    if (!(callable instanceof Global g)) {
      throw fail("REDUCE on something that is not a global: " + describe(callable));
    }
    if (!(args instanceof Tuple a)) {
      throw fail("REDUCE arguments are not a tuple for " + g.qualified());
    }
    switch (g.qualified()) {
      case ORDERED_DICT -> {
        if (a.size() != 0) {
          throw fail("collections.OrderedDict called with arguments");
        }
        return new LinkedHashMap<Object, Object>();
      }
      case REBUILD_TENSOR_V2 -> {
        // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
        if (a.size() < 6 || a.size() > 7) {
          throw fail("_rebuild_tensor_v2 with " + a.size() + " arguments");
        }
        if (!(a.get(0) instanceof StorageRef storage)) {
          throw fail("_rebuild_tensor_v2 without a storage: " + describe(a.get(0)));
        }
        if (!(a.get(1) instanceof Long offset) || offset < 0) {
          throw fail("_rebuild_tensor_v2 with a bad storage offset: " + describe(a.get(1)));
        }
        long[] size = longTuple(a.get(2), "size");
        long[] stride = longTuple(a.get(3), "stride");
        if (size.length != stride.length) {
          throw fail("_rebuild_tensor_v2 with size and stride of different lengths");
        }
        if (!(a.get(5) instanceof Map<?, ?> hooks) || !hooks.isEmpty()) {
          throw fail("_rebuild_tensor_v2 with backward hooks, which a state dict never has");
        }
        return new TensorRef(storage, offset, size, stride);
      }
      case REBUILD_PARAMETER -> {
        // (data, requires_grad, backward_hooks)
        if (a.size() != 3 || !(a.get(0) instanceof TensorRef t)) {
          throw fail("_rebuild_parameter with unexpected arguments");
        }
        return t;
      }
      default -> throw fail("'" + g.qualified() + "' may only appear as a storage type, not be called");
    }
  }

  private void build(Object target, Object state) throws CheckpointException {
    // state_dict() returns an OrderedDict carrying a `_metadata` attribute (module versions),
    // which arrives as BUILD with a dict state. We accept and drop it.
    if (target instanceof Map<?, ?> && (state instanceof Map<?, ?> || state == null)) {
      return;
    }
    throw fail("BUILD on " + describe(target) + " (a state dict only builds OrderedDict metadata)");
  }

  private long[] longTuple(Object o, String what) throws CheckpointException {
    if (!(o instanceof Tuple t)) {
      throw fail("_rebuild_tensor_v2 " + what + " is not a tuple: " + describe(o));
    }
    if (t.size() > 64) {
      throw fail("_rebuild_tensor_v2 " + what + " has " + t.size() + " dimensions");
    }
    long[] out = new long[t.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(t.get(i) instanceof Long v) || v < 0) {
        throw fail("_rebuild_tensor_v2 " + what + " has a bad entry: " + describe(t.get(i)));
      }
      out[i] = v;
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> asDict(Object o, String op) throws CheckpointException {
    if (o instanceof LinkedHashMap<?, ?> m) {
      return (Map<Object, Object>) m;
    }
    throw fail(op + " on " + describe(o));
  }

  @SuppressWarnings("unchecked")
  private List<Object> asList(Object o, String op) throws CheckpointException {
    if (o instanceof ArrayList<?> l) {
      return (List<Object>) l;
    }
    throw fail(op + " on " + describe(o));
  }

  /** Only value-like keys; a mutable container as a dict key would be a Python error anyway. */
  private Object hashable(Object key) throws CheckpointException {
    if (scalar(key)) {
      return key;
    }
    // A tuple key only of scalars: Python refuses a tuple holding a dict or list as a key, and a nested or
    // self-containing one (the memo can put a container inside itself) would make hashCode recurse without end
    // (a Jazzer finding). A state dict's keys are strings, so nothing real is lost.
    if (key instanceof Tuple t && t.items().stream().allMatch(RestrictedUnpickler::scalar)) {
      return key;
    }
    throw fail("unhashable dict key " + describe(key));
  }

  private static boolean scalar(Object o) {
    return o == null || o instanceof String || o instanceof Long || o instanceof Boolean || o instanceof Double;
  }

  static String describe(Object o) {
    if (o == null) {
      return "None";
    }
    if (o instanceof String s) {
      return "'" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "'";
    }
    if (o instanceof Long || o instanceof Double || o instanceof Boolean) {
      return o.toString();
    }
    if (o instanceof Global g) {
      return g.qualified();
    }
    if (o instanceof Tuple t) {
      return "a tuple of " + t.size();
    }
    if (o instanceof Map<?, ?>) {
      return "a dict";
    }
    if (o instanceof List<?>) {
      return "a list";
    }
    if (o instanceof StorageRef) {
      return "a storage";
    }
    if (o instanceof TensorRef) {
      return "a tensor";
    }
    return o.getClass().getSimpleName();
  }

  // ---------------------------------------------------------------- stack and memo

  private void push(Object o) {
    stack.add(o);
  }

  private Object pop() throws CheckpointException {
    int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
    if (stack.size() <= floor) {
      throw fail("pickle stack underflow at offset " + pos);
    }
    return stack.remove(stack.size() - 1);
  }

  private Object peek() throws CheckpointException {
    int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
    if (stack.size() <= floor) {
      throw fail("pickle stack underflow at offset " + pos);
    }
    return stack.get(stack.size() - 1);
  }

  private List<Object> popN(int n) throws CheckpointException {
    Object[] items = new Object[n];
    for (int i = n - 1; i >= 0; i--) {
      items[i] = pop();
    }
    return java.util.Arrays.asList(items);
  }

  private List<Object> popToMark() throws CheckpointException {
    if (marks.isEmpty()) {
      throw fail("pickle uses a MARK that was never set (offset " + pos + ")");
    }
    int mark = marks.remove(marks.size() - 1);
    List<Object> tail = stack.subList(mark, stack.size());
    List<Object> items = new ArrayList<>(tail);
    tail.clear();
    return items;
  }

  private Object memoGet(long index) throws CheckpointException {
    if (!memo.containsKey(index)) {
      throw fail("pickle reads memo slot " + index + " that was never written");
    }
    return memo.get(index);
  }

  // ---------------------------------------------------------------- raw reading

  private CheckpointException fail(String what) {
    return new CheckpointException(fileName + ": data.pkl is not a plain state dict: " + what);
  }

  private void need(long n) throws CheckpointException {
    if (n < 0 || n > data.length - pos) {
      throw new CheckpointException(fileName + ": data.pkl ends unexpectedly at offset " + pos
          + " (file truncated or damaged)");
    }
  }

  private int u8() throws CheckpointException {
    need(1);
    return data[pos++] & 0xff;
  }

  private void skip(int n) throws CheckpointException {
    need(n);
    pos += n;
  }

  private int i32() throws CheckpointException {
    need(4);
    int v = ByteBuffer.wrap(data, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    pos += 4;
    return v;
  }

  private long u32() throws CheckpointException {
    return i32() & 0xffffffffL;
  }

  private long beLong() throws CheckpointException {
    need(8);
    long v = ByteBuffer.wrap(data, pos, 8).order(ByteOrder.BIG_ENDIAN).getLong();
    pos += 8;
    return v;
  }

  /** LONG1: n-byte two's complement little-endian; we accept up to 8 bytes (fits a long). */
  private Long long1() throws CheckpointException {
    int n = u8();
    if (n > 8) {
      throw fail("integer of " + n + " bytes is too large for a state dict");
    }
    need(n);
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= (data[pos + i] & 0xffL) << (8 * i);
    }
    if (n > 0 && n < 8 && (data[pos + n - 1] & 0x80) != 0) {
      v |= -1L << (8 * n); // sign-extend
    }
    pos += n;
    return v;
  }

  private String utf8(long n) throws CheckpointException {
    if (n > MAX_STRING_BYTES) {
      throw fail("string of " + n + " bytes is too long for a state dict");
    }
    need(n);
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data, pos, (int) n))
          .toString();
      pos += (int) n;
      return s;
    } catch (CharacterCodingException e) {
      throw fail("string at offset " + pos + " is not valid UTF-8");
    }
  }

  /** A newline-terminated ASCII line, as used by GLOBAL. */
  private String line() throws CheckpointException {
    int start = pos;
    int limit = Math.min(data.length, start + 256);
    for (int i = start; i < limit; i++) {
      if (data[i] == '\n') {
        pos = i + 1;
        StringBuilder sb = new StringBuilder(i - start);
        for (int j = start; j < i; j++) {
          int c = data[j] & 0xff;
          if (c < 0x20 || c > 0x7e) {
            throw fail("GLOBAL name contains a non-printable byte");
          }
          sb.append((char) c);
        }
        return sb.toString();
      }
    }
    throw fail("GLOBAL name at offset " + start + " is unterminated or too long");
  }
}

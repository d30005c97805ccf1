package arabrief.mt.tokenize;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a SentencePiece {@code .spm} file (a protobuf {@code ModelProto}) that tokenization needs:
 * the pieces with their scores and types, and the normalizer spec.
 *
 * <p>Read with protobuf's wire-format reader rather than generated classes: the schema is four fields
 * deep and stable, and generating code from sentencepiece_model.proto would add a build step for them.
 */
public record SentencePieceModel(
    List<Piece> pieces,
    int modelType,
    String normalizerName,
    byte[] precompiledCharsmap,
    boolean addDummyPrefix,
    boolean removeExtraWhitespaces,
    String unkSurface) {

  /** Piece types of {@code ModelProto.SentencePiece.Type}. */
  public static final int NORMAL = 1;
  public static final int UNKNOWN = 2;
  public static final int CONTROL = 3;
  public static final int USER_DEFINED = 4;
  public static final int UNUSED = 5;
  public static final int BYTE = 6;
  public static final int UNIGRAM = 1;
  public static final int BPE = 2;

  public record Piece(String piece, float score, int type) {}

  public static SentencePieceModel read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException(file + " cannot be read: " + e.getMessage(), e);
    }
    try {
      return parse(bytes);
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + " is not a SentencePiece model: " + e.getMessage(), e);
    }
  }

  static SentencePieceModel parse(byte[] bytes) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    List<Piece> pieces = new ArrayList<>();
    int modelType = UNIGRAM;
    String name = "";
    byte[] charsmap = new byte[0];
    boolean dummy = true;
    boolean extra = true;
    String unkSurface = " \u2047 ";
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        break;
      }
      int field = WireFormat.getTagFieldNumber(tag);
      if (field == 1 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        pieces.add(parsePiece(in.readBytes()));
      } else if (field == 2 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        // TrainerSpec: model_type (3), unk_surface (44)
        CodedInputStream t = in.readBytes().newCodedInput();
        for (int tt = t.readTag(); tt != 0; tt = t.readTag()) {
          int f = WireFormat.getTagFieldNumber(tt);
          if (f == 3 && WireFormat.getTagWireType(tt) == WireFormat.WIRETYPE_VARINT) {
            modelType = t.readEnum();
          } else if (f == 44 && WireFormat.getTagWireType(tt) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            unkSurface = t.readStringRequireUtf8();
          } else {
            t.skipField(tt);
          }
        }
      } else if (field == 3 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        CodedInputStream n = in.readBytes().newCodedInput();
        for (int nt = n.readTag(); nt != 0; nt = n.readTag()) {
          int f = WireFormat.getTagFieldNumber(nt);
          if (f == 1) {
            name = n.readStringRequireUtf8();
          } else if (f == 2) {
            charsmap = n.readBytes().toByteArray();
          } else if (f == 3) {
            dummy = n.readBool();
          } else if (f == 4) {
            extra = n.readBool();
          } else {
            n.skipField(nt);
          }
        }
      } else {
        in.skipField(tag);
      }
    }
    if (pieces.isEmpty()) {
      throw new IOException("it has no pieces");
    }
    return new SentencePieceModel(List.copyOf(pieces), modelType, name, charsmap, dummy, extra, unkSurface);
  }

  private static Piece parsePiece(ByteString b) throws IOException {
    CodedInputStream p = b.newCodedInput();
    String piece = "";
    float score = 0f;
    int type = NORMAL;
    for (int tag = p.readTag(); tag != 0; tag = p.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1:
          piece = p.readStringRequireUtf8();
          break;
        case 2:
          score = p.readFloat();
          break;
        case 3:
          type = p.readEnum();
          break;
        default:
          p.skipField(tag);
      }
    }
    if (type < NORMAL || type > BYTE) { // found by SentencePieceFuzzTest (issue 20): a type the tokenizer cannot treat
      throw new IOException("a piece has type " + type + ", not one of SentencePiece's (1-6)");
    }
    return new Piece(piece, score, type);
  }

  public int unkId() {
    for (int i = 0; i < pieces.size(); i++) {
      if (pieces.get(i).type() == UNKNOWN) {
        return i;
      }
    }
    return -1;
  }
}

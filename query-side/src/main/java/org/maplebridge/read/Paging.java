package org.maplebridge.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Lists come in pages: at most {@code limit} rows (50 unless asked, 500 at most), after the cursor
 * the previous page handed out. A cursor is the sort key of that page's last row, opaque to the
 * client (keyset paging: rows added or removed meanwhile shift no other row onto another page; only
 * a row whose own sort key changes meanwhile, such as a referral falling overdue, may move).
 */
public final class Paging {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  private static final String SEPARATOR = "\n";

  private Paging() {}

  /**
   * Which page to read: {@code limit} rows after {@code after}, the sort key of the previous page's
   * last row (null: the first page).
   */
  public record PageRequest<K>(int limit, K after) {

    /** One row more than the page holds: whether it comes back tells if another page follows. */
    public int rowsToRead() {
      return limit + 1;
    }

    /**
     * The page among {@code rows} (read with {@link #rowsToRead()}), with the cursor of the next
     * page if there is one: {@code list}'s name and {@code key}, the sort key of a row.
     */
    public <T> Page<T> page(List<T> rows, String list, Function<T, List<Object>> key) {
      if (rows.size() <= limit) {
        return new Page<>(rows, null);
      }
      List<T> page = rows.subList(0, limit);
      return new Page<>(List.copyOf(page), cursor(list, key.apply(page.get(limit - 1))));
    }
  }

  /**
   * The rows of one page, and the cursor of the next page (none on the last): the answer of every
   * list, {@code {"items":[...],"next":cursor}}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Page<T>(List<T> items, String next) {}

  /**
   * The page a request asks for. A limit outside 1 to 500, or a cursor this list did not hand out,
   * is a 400; {@code key} reads a cursor's parts back into the list's sort key.
   */
  public static <K> PageRequest<K> request(
      Integer limit, String cursor, String list, Function<List<String>, K> key) {
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      throw new InvalidParameter("limit", "A page holds 1 to " + MAX_LIMIT + " rows");
    }
    return new PageRequest<>(
        limit == null ? DEFAULT_LIMIT : limit, cursor == null ? null : after(cursor, list, key));
  }

  private static <K> K after(String cursor, String list, Function<List<String>, K> key) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
              .split(SEPARATOR, -1);
      if (!parts[0].equals(list)) {
        throw new IllegalArgumentException("A cursor of another list");
      }
      return key.apply(List.of(parts).subList(1, parts.length));
    } catch (RuntimeException notOurs) {
      throw new InvalidParameter("cursor", "Not a cursor this list handed out");
    }
  }

  private static String cursor(String list, List<Object> key) {
    List<String> parts = new ArrayList<>();
    parts.add(list);
    key.forEach(value -> parts.add(value == null ? "" : value.toString()));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
  }
}

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes typical XanoScript for the front-end benchmarks: one big file (parse throughput) or a
 * folder of many small ones (xs check over a project). The shapes follow real exports: queries
 * with inputs, db statements, conditionals, filter chains, objects, comments.
 */
public final class Generate {
    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path target = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        Random random = new Random(42);
        if (mode.equals("big")) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; b.length() < count * 1024L * 1024L; i++) {
                b.append(construct(i, random)).append('\n');
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, b.toString());
        } else {
            Files.createDirectories(target);
            for (int i = 0; i < count; i++) {
                Files.writeString(target.resolve("f" + i + ".xs"), construct(i, random));
            }
        }
    }

    static String construct(int i, Random r) {
        String name = "items/" + i;
        return switch (i % 3) {
            case 0 -> """
                // Lists the items of a user, newest first.
                query "%s" verb=GET {
                  api_group = "Items"
                  auth = "user"
                  input {
                    // The page to read.
                    int page?=1 filters=min:1
                    text search?=""
                    enum sort?="desc" {
                      values = ["asc", "desc"]
                    }
                  }
                  stack {
                    db.query "item" {
                      where = $db.item.user_id == $auth.id && $db.item.name includes? $input.search
                      sort = {created_at: $input.sort}
                      return = {type: "list", paging: {page: $input.page, per_page: %d, totals: true}}
                    } as $items
                    var $names {
                      value = $items.items|map:$$.name|filter_empty|join:", "
                    }
                    conditional {
                      if (($items.items|count) == 0) {
                        debug.log {
                          value = "no items for " ~ $auth.id
                        }
                      }
                      elseif ($input.page > 10) {
                        var.update $names {
                          value = $names|substr:0:100
                        }
                      }
                    }
                  }
                  response = {items: $items, names: $names, total: $items.itemsTotal ?? 0}
                }
                """.formatted(name, 10 + r.nextInt(40));
            case 1 -> """
                function "%s" {
                  description = "Adds an item and tells the owner."
                  input {
                    int user_id
                    text name filters=trim|max:200
                    decimal? price
                    json? meta
                  }
                  stack {
                    db.get "user" {
                      field_value = $input.user_id
                    } as $user
                    precondition ($user != null) {
                      error_type = "notfound"
                      error = "No user " ~ $input.user_id
                    }
                    db.add "item" {
                      data = {
                        user_id: $user.id,
                        name: $input.name|to_lower,
                        price: $input.price ?? 0,
                        meta: $input.meta,
                        created_at: now
                      }
                    } as $item
                    foreach ([1, 2, %d]) {
                      each as $n {
                        math.add $total {
                          value = $n * 2
                        }
                      }
                    }
                    api.realtime_event {
                      channel = "user:" ~ $user.id
                      event = "item_added"
                      data = {id: $item.id, name: $item.name, total: $total}
                    }
                  }
                  response = $item
                }
                """.formatted(name, r.nextInt(100));
            default -> """
                table "t%d" {
                  schema {
                    int id
                    text name filters=trim
                    email? email
                    timestamp created_at?=now
                    enum status?="new" {
                      values = ["new", "done"]
                    }
                  }
                  index = [
                    {type: "primary", field: [{name: "id"}]}
                    {type: "btree|unique", field: [{name: "email"}]}
                  ]
                }
                """.formatted(i);
        };
    }
}

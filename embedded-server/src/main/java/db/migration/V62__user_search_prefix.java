package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;
import java.util.Locale;

/**
 * The admin user search matches the start of a user name or e-mail address (case-insensitive) through an index,
 * instead of a substring anywhere, which had to read every user. {@code email_key} is the lower-cased address,
 * kept by the database itself (a generated column). PostgreSQL can serve {@code LIKE 'prefix%'} from a B-tree only
 * with the pattern operator class (whatever the database's collation), which H2 has no syntax for: hence a Java
 * migration with one form per database.
 */
public class V62__user_search_prefix extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = context.getConnection().getMetaData().getDatabaseProductName()
                .toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement st = context.getConnection().createStatement()) {
            if (postgres) {
                st.execute("ALTER TABLE users ADD COLUMN email_key VARCHAR(320) GENERATED ALWAYS AS (LOWER(email)) STORED");
                st.execute("CREATE INDEX ix_users_username_prefix ON users (username_key varchar_pattern_ops)");
                st.execute("CREATE INDEX ix_users_email_prefix ON users (email_key varchar_pattern_ops)");
            } else {
                st.execute("ALTER TABLE users ADD COLUMN email_key VARCHAR(320) GENERATED ALWAYS AS (LOWER(email))");
                st.execute("CREATE INDEX ix_users_email_prefix ON users (email_key)");
            }
        }
    }
}

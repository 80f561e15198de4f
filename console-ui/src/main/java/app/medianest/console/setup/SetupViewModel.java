package app.medianest.console.setup;

import app.medianest.console.api.ApiClient;
import app.medianest.model.auth.SessionResponse;
import app.medianest.console.api.ApiException;
import app.medianest.console.concurrent.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * First-run setup: shows the server's one-time setup token and creates the first admin through the real
 * {@code POST /api/v1/auth/setup}. The console keeps the session that call returns (in memory) and forgets the
 * password as soon as the call is made.
 */
public final class SetupViewModel {
    private final ApiClient api;
    private final Supplier<Optional<String>> setupToken;
    private final Tasks tasks;
    private final Consumer<String> onSignedIn;
    private final StringProperty username = new SimpleStringProperty("admin");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper token = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();

    /**
     * @param setupToken the server's pending setup token (empty once an admin exists)
     * @param onSignedIn receives the new admin's session token
     */
    public SetupViewModel(ApiClient api, Supplier<Optional<String>> setupToken, Tasks tasks,
                          Consumer<String> onSignedIn) {
        this.api = api;
        this.setupToken = setupToken;
        this.tasks = tasks;
        this.onSignedIn = onSignedIn;
    }

    /** Reads the current setup token (after every server start). */
    public void refresh() {
        tasks.run(() -> setupToken.get().orElse(""), token::set, e -> error.set(e.getMessage()));
    }

    /** Creates the admin; the server checks the password policy and answers with field messages. */
    public void createAdmin() {
        String pw = password.get();
        if (pw == null || !pw.equals(repeat.get())) {
            error.set("The two passwords differ");
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        String user = username.get();
        String tok = token.get();
        tasks.run(() -> api.post("/api/v1/auth/setup", ApiClient.fields("username", user, "password", pw,
                "setupToken", tok), SessionResponse.class).token(), session -> {
                    busy.set(false);
                    password.set("");
                    repeat.set("");
                    done.set(true);
                    onSignedIn.accept(session);
                }, e -> {
                    busy.set(false);
                    error.set(e instanceof ApiException a ? a.display() : String.valueOf(e.getMessage()));
                });
    }

    public StringProperty username() {
        return username;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty repeat() {
        return repeat;
    }

    public ReadOnlyStringProperty token() {
        return token.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty done() {
        return done.getReadOnlyProperty();
    }
}

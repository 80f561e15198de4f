package app.medianest.console.users;

import app.medianest.console.api.ApiClient;
import app.medianest.console.api.PagedTableModel;
import app.medianest.console.concurrent.Tasks;
import app.medianest.model.Role;
import app.medianest.model.UserStatus;
import app.medianest.model.auth.UserAdminView;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Users: search, role filter, change a role, suspend or reactivate (through {@code /api/v1/admin/users}). */
public final class UsersViewModel extends PagedTableModel<UserAdminView> {
    /** Rows per page: a screenful, so a page renders in one cheap pass. */
    public static final int PAGE_SIZE = 25;

    private final StringProperty search;
    private final StringProperty role;

    public UsersViewModel(ApiClient api, Tasks tasks) {
        this(api, tasks, new SimpleStringProperty(""), new SimpleStringProperty(""));
    }

    private UsersViewModel(ApiClient api, Tasks tasks, StringProperty search, StringProperty role) {
        super(api, tasks, cursor -> api.page("/api/v1/admin/users" + ApiClient.query(ApiClient.fields(
                "search", search.get(), "role", role.get(), "sort", "username", "order", "asc", "limit", PAGE_SIZE,
                "cursor", cursor)), UserAdminView.class));
        this.search = search;
        this.role = role;
    }

    /** Gives {@code user} another role. */
    public void changeRole(UserAdminView user, Role newRole) {
        update(user, ApiClient.fields("role", newRole.wire()), user.username() + " is now " + newRole.wire());
    }

    /** Suspends (signing the user out everywhere) or reactivates {@code user}. */
    public void suspend(UserAdminView user, boolean suspended) {
        UserStatus s = suspended ? UserStatus.SUSPENDED : UserStatus.ACTIVE;
        update(user, ApiClient.fields("status", s.wire()), user.username() + " is now " + s.wire());
    }

    private void update(UserAdminView user, Object body, String done) {
        tasks.run(() -> api.patch("/api/v1/admin/users/" + user.id(), body), r -> {
            message(done);
            reload();
        }, this::failed);
    }

    public StringProperty search() {
        return search;
    }

    /** {@code ""} for every role, else {@code admin} or {@code user}. */
    public StringProperty role() {
        return role;
    }
}

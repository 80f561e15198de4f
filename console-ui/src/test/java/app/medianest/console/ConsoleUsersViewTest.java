package app.medianest.console;

import app.medianest.console.api.ApiClient;
import app.medianest.model.auth.UserAdminView;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Users view searches the real server and suspends a user, which the API then reports. */
@ExtendWith(ApplicationExtension.class)
class ConsoleUsersViewTest {
    private ConsoleFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = ConsoleFixture.start(true, Map.of());
        for (String name : new String[] {"grandma", "grandpa", "kid-one"}) {
            fixture.adminApi().post("/api/v1/admin/users", ApiClient.fields("username", name, "password",
                    "family password 1", "role", "user"));
        }
        var window = ConsoleApp.buildWindow(fixture.context());
        stage.setScene(new Scene(window.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void searchingAndSuspendingAUserIsSeenThroughTheApi(FxRobot robot) {
        ConsoleFixture.await("the console signed in", Duration.ofSeconds(10),
                () -> !robot.lookup("#nav-users").query().isDisabled());
        robot.clickOn("#nav-users");
        @SuppressWarnings("unchecked")
        TableView<UserAdminView> table = robot.lookup("#users-table").queryAs(TableView.class);
        ConsoleFixture.await("the user list", Duration.ofSeconds(10), () -> table.getItems().size() == 4);

        robot.interact(() -> robot.lookup("#users-search").queryAs(TextField.class).setText("grand"));
        robot.clickOn("#users-search").type(javafx.scene.input.KeyCode.ENTER);
        ConsoleFixture.await("the search result", Duration.ofSeconds(10), () -> table.getItems().size() == 2);
        assertEquals("grandma", table.getItems().getFirst().username());

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#users-suspend");
        ConsoleFixture.await("the confirmation", Duration.ofSeconds(10),
                () -> robot.lookup("#users-message").queryAs(Label.class).getText().contains("suspended"));

        var users = fixture.adminApi().get("/api/v1/admin/users?search=grandma");
        assertEquals("suspended", users.get(0).path("status").asText());
        ConsoleFixture.await("the table shows it", Duration.ofSeconds(10),
                () -> "suspended".equals(table.getItems().getFirst().status().wire()));
    }
}

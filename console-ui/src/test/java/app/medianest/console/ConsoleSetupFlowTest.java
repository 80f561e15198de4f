package app.medianest.console;

import app.medianest.console.shell.MainWindow;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** First run: the setup screen shows the server's token and creates the admin through the real API. */
@ExtendWith(ApplicationExtension.class)
class ConsoleSetupFlowTest {
    private ConsoleFixture fixture;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = ConsoleFixture.start(false, Map.of());
        window = ConsoleApp.buildWindow(fixture.context());
        stage.setScene(new Scene(window.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** Sets a field's text directly (typing every character through the robot takes seconds). */
    private static void fill(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(TextField.class).setText(text));
    }

    @Test
    void firstRunShowsTheSetupTokenAndCreatesTheAdmin(FxRobot robot) throws Exception {
        String expected = fixture.server().components().accounts().setupToken().orElseThrow();
        ConsoleFixture.await("the setup token on screen", Duration.ofSeconds(10),
                () -> expected.equals(robot.lookup("#setup-token").queryAs(TextField.class).getText()));
        assertTrue(robot.lookup("#nav-dashboard").query().isDisabled(), "views are locked until setup is done");

        fill(robot, "#setup-username", "family-admin");
        fill(robot, "#setup-password", "short");
        fill(robot, "#setup-repeat", "short");
        robot.clickOn("#setup-create");
        ConsoleFixture.await("the password policy message", Duration.ofSeconds(10),
                () -> robot.lookup("#setup-error").queryAs(Label.class).getText().contains("VALIDATION_ERROR"));

        fill(robot, "#setup-password", "a long enough password");
        fill(robot, "#setup-repeat", "a long enough password");
        robot.clickOn("#setup-create");
        ConsoleFixture.await("the dashboard", Duration.ofSeconds(10),
                () -> !robot.lookup("#nav-dashboard").query().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(fixture.server().components().accounts().setupToken().isEmpty(), "the setup token is used up");
        assertTrue(fixture.context().api().signedIn(), "the console keeps the session the setup call returned");
        var session = fixture.context().api().get("/api/v1/auth/session");
        assertEquals("family-admin", session.path("user").path("username").asText());
        assertEquals("admin", session.path("user").path("role").asText());
        var login = fixture.anonymousApi().post("/api/v1/auth/login",
                app.medianest.console.api.ApiClient.fields("username", "family-admin", "password",
                        "a long enough password"));
        assertFalse(login.path("token").asText().isEmpty(), "the new admin signs in over HTTP");
    }
}

package app.medianest.console;

import app.medianest.console.services.ServiceRow;
import app.medianest.fakes.FakeOverseerr;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuring Overseerr in the Services view against a fake Overseerr, and testing the connection. */
@ExtendWith(ApplicationExtension.class)
class ConsoleServicesViewTest {
    private ConsoleFixture fixture;
    private FakeOverseerr overseerr;

    @Start
    void start(Stage stage) throws Exception {
        overseerr = FakeOverseerr.start();
        fixture = ConsoleFixture.start(true, Map.of());
        var window = ConsoleApp.buildWindow(fixture.context());
        stage.setScene(new Scene(window.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        fixture.close();
        overseerr.close();
    }

    @Test
    void configuringOverseerrAndTestingTheConnection(FxRobot robot) {
        assertTrue(fixture.serves("/api/v1/admin/services"), "the server serves /api/v1/admin/services");
        ConsoleFixture.await("the console signed in", Duration.ofSeconds(10),
                () -> !robot.lookup("#nav-services").query().isDisabled());
        robot.clickOn("#nav-services");
        @SuppressWarnings("unchecked")
        ListView<ServiceRow> list = robot.lookup("#services-list").queryAs(ListView.class);
        ConsoleFixture.await("the services", Duration.ofSeconds(10), () -> list.getItems().size() >= 3);
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(s -> s.name().equals("overseerr")).findFirst().orElseThrow()));
        robot.interact(() -> {
            robot.lookup("#service-url").queryAs(TextField.class).setText(overseerr.apiBaseUrl());
            robot.lookup("#service-key").queryAs(TextField.class).setText(overseerr.apiKey());
            robot.lookup("#service-enabled").queryAs(CheckBox.class).setSelected(true);
        });
        robot.clickOn("#service-save");
        ConsoleFixture.await("the save", Duration.ofSeconds(10),
                () -> robot.lookup("#services-message").queryAs(Label.class).getText().startsWith("Saved"));
        robot.clickOn("#service-test");
        Label result = robot.lookup("#service-test-result").queryAs(Label.class);
        ConsoleFixture.await("the connection test", Duration.ofSeconds(15),
                () -> result.getText().startsWith("OK") || result.getText().startsWith("FAILED"));
        assertTrue(result.getText().startsWith("OK"), result.getText());

        var services = fixture.adminApi().get("/api/v1/admin/services");
        var view = java.util.stream.StreamSupport.stream(services.spliterator(), false)
                .filter(s -> s.path("name").asText().equals("overseerr")).findFirst().orElseThrow();
        assertEquals(overseerr.apiBaseUrl(), view.path("url").asText());
        assertTrue(view.path("hasApiKey").asBoolean());
        assertTrue(view.path("enabled").asBoolean());
        assertTrue(overseerr.totalRequestCount() > 0, "the test reached the fake Overseerr");
    }
}

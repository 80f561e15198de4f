package app.medianest.console;

import app.medianest.console.notify.NotificationsViewModel;
import app.medianest.fakes.FakeNotifyReceiver;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuring the Discord channel in the Notifications view against a fake Discord webhook, then "Send test". */
@ExtendWith(ApplicationExtension.class)
class ConsoleNotificationsViewTest {
    private ConsoleFixture fixture;
    private FakeNotifyReceiver discord;

    @Start
    void start(Stage stage) throws Exception {
        discord = FakeNotifyReceiver.discord();
        fixture = ConsoleFixture.start(true, Map.of());
        var window = ConsoleApp.buildWindow(fixture.context());
        stage.setScene(new Scene(window.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        fixture.close();
        discord.close();
    }

    @Test
    void configuringDiscordAndSendingATest(FxRobot robot) {
        ConsoleFixture.await("the console signed in", Duration.ofSeconds(10),
                () -> !robot.lookup("#nav-notifications").query().isDisabled());
        robot.clickOn("#nav-notifications");
        @SuppressWarnings("unchecked")
        ListView<NotificationsViewModel.ChannelRow> list = robot.lookup("#channels-list").queryAs(ListView.class);
        ConsoleFixture.await("the channels", Duration.ofSeconds(10), () -> list.getItems().size() == 4);
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(c -> c.name().equals("discord")).findFirst().orElseThrow()));
        robot.interact(() -> {
            robot.lookup("#channel-secret").queryAs(TextField.class).setText(discord.targetUrl());
            robot.lookup("#channel-enabled").queryAs(CheckBox.class).setSelected(true);
        });
        robot.clickOn("#channel-save");
        ConsoleFixture.await("the save", Duration.ofSeconds(10),
                () -> robot.lookup("#channels-message").queryAs(Label.class).getText().startsWith("Saved"));
        robot.clickOn("#channel-test");
        Label result = robot.lookup("#channel-test-result").queryAs(Label.class);
        ConsoleFixture.await("the test message", Duration.ofSeconds(15),
                () -> result.getText().startsWith("OK") || result.getText().startsWith("FAILED"));
        assertTrue(result.getText().startsWith("OK"), result.getText());
        assertEquals(1, discord.accepted().size(), "the fake Discord got the test message");

        var channels = fixture.adminApi().get("/api/v1/admin/notification-channels");
        var view = java.util.stream.StreamSupport.stream(channels.spliterator(), false)
                .filter(c -> c.path("name").asText().equals("discord")).findFirst().orElseThrow();
        assertTrue(view.path("enabled").asBoolean());
        assertTrue(view.path("secretSet").asBoolean());
        assertFalse(channels.toString().contains(discord.targetUrl()), "the webhook URL is never returned");
    }
}

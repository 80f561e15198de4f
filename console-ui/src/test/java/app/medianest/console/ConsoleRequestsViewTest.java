package app.medianest.console;

import app.medianest.console.api.ApiClient;
import app.medianest.model.MediaRequestView;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Approving and declining in the Requests table changes the requests as the family sees them over HTTP. */
@ExtendWith(ApplicationExtension.class)
class ConsoleRequestsViewTest {
    private ConsoleFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = ConsoleFixture.start(true, Map.of());
        var window = ConsoleApp.buildWindow(fixture.context());
        stage.setScene(new Scene(window.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static String create(ApiClient kid, int tmdbId, String title) {
        return kid.post("/api/v1/media/requests", ApiClient.fields("mediaType", "movie", "tmdbId", tmdbId, "title",
                title)).path("id").asText();
    }

    @Test
    void approvingAndDecliningChangeTheRequestsSeenThroughTheApi(FxRobot robot) {
        assertTrue(fixture.serves("/api/v1/admin/requests"), "the server serves /api/v1/admin/requests");
        ApiClient kid = fixture.newUser("kid");
        String matrix = create(kid, 603, "The Matrix");
        String dune = create(kid, 438631, "Dune");
        String heat = create(kid, 949, "Heat");
        ConsoleFixture.await("the console signed in", Duration.ofSeconds(10),
                () -> !robot.lookup("#nav-requests").query().isDisabled());
        robot.clickOn("#nav-requests");
        @SuppressWarnings("unchecked")
        TableView<MediaRequestView> table = robot.lookup("#requests-table").queryAs(TableView.class);
        ConsoleFixture.await("the pending requests", Duration.ofSeconds(10), () -> table.getItems().size() == 3);

        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.title().equals("The Matrix")).findFirst().orElseThrow()));
        robot.clickOn("#requests-approve");
        ConsoleFixture.await("the approval", Duration.ofSeconds(10), () -> table.getItems().size() == 2);
        assertEquals("approved", kid.get("/api/v1/media/requests/" + matrix).path("status").asText());

        robot.interact(() -> {
            robot.lookup("#requests-reason").queryAs(TextField.class).setText("Not this month");
            table.getSelectionModel().selectAll();
        });
        robot.clickOn("#requests-decline");
        ConsoleFixture.await("the bulk decline", Duration.ofSeconds(10), () -> table.getItems().isEmpty());
        assertEquals("Declined 2 of 2", robot.lookup("#requests-message").queryAs(Label.class).getText());
        for (String id : new String[] {dune, heat}) {
            var r = kid.get("/api/v1/media/requests/" + id);
            assertEquals("declined", r.path("status").asText());
            assertEquals("Not this month", r.path("declineReason").asText());
        }
    }
}

package app.medianest.console;

import app.medianest.console.backups.BackupsViewModel;
import app.medianest.console.concurrent.Tasks;
import app.medianest.model.backup.BackupView;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Backups view against a real server: on an H2 file (backups made) and in memory (backups refused). */
@ExtendWith(ApplicationExtension.class)
class ConsoleBackupsViewTest {
    private Stage stage;
    private ConsoleFixture fixture;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void show(FxRobot robot) {
        var window = ConsoleApp.buildWindow(fixture.context());
        robot.interact(() -> {
            stage.setScene(new Scene(window.root(), 1200, 800));
            stage.show();
        });
        ConsoleFixture.await("the console signed in", Duration.ofSeconds(10),
                () -> !robot.lookup("#nav-backups").query().isDisabled());
        robot.clickOn("#nav-backups");
    }

    @Test
    void theViewListsTheServersBackupsAndBackUpNowAddsOneOnDisk(FxRobot robot) throws Exception {
        fixture = ConsoleFixture.start(true, true, Map.of());
        Path dir = fixture.dataDir().resolve("backups");
        BackupView scheduled = fixture.server().components().backups().backupNow("scheduled");
        show(robot);
        @SuppressWarnings("unchecked")
        TableView<BackupView> table = robot.lookup("#backups-table").queryAs(TableView.class);
        ConsoleFixture.await("the scheduled backup listed", Duration.ofSeconds(10),
                () -> table.getItems().size() == 1);
        assertEquals("scheduled", table.getItems().getFirst().kind());
        // The summary line is set on the FX thread after the table: wait for it rather than read it mid-update.
        ConsoleFixture.await("the latest backup summarised", Duration.ofSeconds(10),
                () -> text(robot, "#backups-latest").endsWith(", scheduled)"));
        assertTrue(text(robot, "#backups-latest").startsWith("Latest backup: just now"), text(robot, "#backups-latest"));
        assertTrue(text(robot, "#backups-latest").endsWith(", scheduled)"), text(robot, "#backups-latest"));
        String schedule = text(robot, "#backups-schedule");
        assertTrue(schedule.startsWith("Scheduled every 24 h; the newest 7 are kept, in " + dir.toAbsolutePath()),
                schedule);
        assertEquals("medianest-server restore " + dir.toAbsolutePath().resolve(scheduled.name()),
                robot.lookup("#backups-restore-command").queryAs(TextField.class).getText());

        robot.clickOn("#backups-now");
        ConsoleFixture.await("the new backup listed", Duration.ofSeconds(15),
                () -> table.getItems().size() == 2 && text(robot, "#backups-result").startsWith("Backed up to"));
        // The list is filled first in the FX job that applies the refresh; let that job finish before reading the rest.
        WaitForAsyncUtils.waitForFxEvents();
        BackupView made = table.getItems().getFirst();
        assertEquals("manual", made.kind(), "the newest first");
        assertTrue(text(robot, "#backups-result").contains(made.name()), text(robot, "#backups-result"));
        assertTrue(Files.size(dir.resolve(made.name())) > 0, "the backup is on disk in <data dir>/backups");
        assertEquals(made.name(), fixture.adminApi().get("/api/v1/admin/backups").path(0).path("name").asText());
        assertFalse(robot.lookup("#backups-now").queryAs(Button.class).isDisabled(), "ready for the next one");
        assertEquals("", text(robot, "#backups-message"));
        String restore = "medianest-server restore " + dir.toAbsolutePath().resolve(made.name());
        assertEquals(restore, robot.lookup("#backups-restore-command").queryAs(TextField.class).getText());
        robot.clickOn("#backups-copy");
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(restore, copied[0], "Copy puts the restore command on the clipboard");

        BackupsViewModel threeDaysLater = new BackupsViewModel(fixture.context().api(), Tasks.direct(),
                Clock.offset(Clock.systemUTC(), Duration.ofDays(3)));
        threeDaysLater.refresh();
        assertTrue(threeDaysLater.latest().get().startsWith("Latest backup: 3 days ago"),
                threeDaysLater.latest().get());
        assertTrue(threeDaysLater.overdue().get(), "a latest backup three scheduled intervals old is overdue");
    }

    @Test
    void aBackupTheServerRefusesShowsItsMessage(FxRobot robot) throws Exception {
        fixture = ConsoleFixture.start(true, Map.of());
        show(robot);
        ConsoleFixture.await("the schedule", Duration.ofSeconds(10),
                () -> text(robot, "#backups-schedule").contains("pg_dump"));
        WaitForAsyncUtils.waitForFxEvents(); // the summary line is set after the schedule, in the same FX job
        assertEquals("No backups on this server", text(robot, "#backups-latest"));
        robot.clickOn("#backups-now");
        ConsoleFixture.await("the server's answer", Duration.ofSeconds(10),
                () -> !text(robot, "#backups-message").isEmpty());
        assertEquals("This server's database is in memory: there is no database file to back up "
                + "(409 BACKUP_UNSUPPORTED)", text(robot, "#backups-message"));
        assertEquals("", text(robot, "#backups-result"));
        assertTrue(robot.lookup("#backups-table").queryAs(TableView.class).getItems().isEmpty());

        List<Runnable> queued = new ArrayList<>();
        BackupsViewModel vm = new BackupsViewModel(fixture.context().api(), new Tasks(queued::add, Runnable::run),
                Clock.systemUTC());
        vm.backUpNow();
        assertTrue(vm.busy().get(), "busy while the backup runs");
        vm.backUpNow();
        assertEquals(1, queued.size(), "a second click while one runs starts nothing");
        queued.getFirst().run();
        assertFalse(vm.busy().get(), "usable again after the server's answer");
        assertTrue(vm.message().get().contains("BACKUP_UNSUPPORTED"), vm.message().get());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}

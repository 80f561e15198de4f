package app.medianest.console;

import app.medianest.console.controls.QrCode;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The family-URL tile's QR code reads back for every address the console can show: short and long IPv4 addresses,
 * host names, two- to five-digit ports. Their lengths span QR versions 1 to 4, whose module counts do not divide
 * the tile's 132 pixels evenly, so the code sits on a margin that must stay on whole pixels to stay sharp. About
 * one URL in a hundred gets a mask pattern zxing's reader misreads; the tile must still read back for those.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleQrCodeTest {
    private QrCode qr;

    @Start
    void start(Stage stage) {
        qr = new QrCode(132);
        stage.setScene(new Scene(new StackPane(qr), 200, 200));
        stage.show();
    }

    @Test
    void everyLanUrlLengthReadsBackOffTheTile(FxRobot robot) throws Exception {
        List<String> urls = new ArrayList<>();
        for (String host : List.of("10.0.0.5", "172.17.0.2", "192.168.1.20", "192.168.100.200",
                "media-server.local", "mediaserver.home.arpa")) {
            for (String port : List.of("80", "8080", "4100", "45678", "65535")) {
                urls.add("http://" + host + ":" + port + "/");
            }
        }
        // Addresses whose default mask pattern zxing's reader misreads off a sharp screen (about one in a hundred).
        urls.addAll(List.of("http://74.59.170.98:65518/", "http://190.97.24.94:48107/", "http://74.14.83.175:64714/",
                "http://85.190.211.103:51832/", "http://47.109.169.37:35065/"));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 100; i++) {
            urls.add("http://" + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + random.nextInt(256) + ":" + (1 + random.nextInt(65535)) + "/");
        }
        for (String url : urls) {
            AtomicReference<WritableImage> shot = new AtomicReference<>();
            robot.interact(() -> {
                qr.show(url);
                shot.set(qr.snapshot(null, null));
            });
            assertEquals(url, ConsoleDashboardViewTest.decodeQr(shot.get()), "a phone scanning the tile for " + url);
        }
    }
}

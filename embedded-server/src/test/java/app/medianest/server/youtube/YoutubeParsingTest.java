package app.medianest.server.youtube;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** URL recognition, yt-dlp output parsing and the file-list column limit, without processes or a database. */
class YoutubeParsingTest {

    @Test
    void videoUrlsInEveryCommonShapeGiveTheVideoId() {
        for (String url : List.of("https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "http://youtube.com/watch?v=dQw4w9WgXcQ&t=1", "https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
                "https://youtu.be/dQw4w9WgXcQ?si=abc",
                "https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube.com/embed/dQw4w9WgXcQ",
                "https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=RDAMVM")) {
            YoutubeUrl u = YoutubeUrl.parse(url);
            assertEquals("dQw4w9WgXcQ", u.videoId(), url);
            assertEquals("https://www.youtube.com/watch?v=dQw4w9WgXcQ", u.canonical());
        }
    }

    @Test
    void playlistUrlsQueueThePlaylist() {
        YoutubeUrl u = YoutubeUrl.parse("https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG");
        assertTrue(u.playlist());
        assertNull(u.videoId());
        assertEquals("https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG", u.canonical());
    }

    @Test
    void otherUrlsAreRefused() {
        for (String url : List.of("https://vimeo.com/1", "https://youtube.com.evil.example/watch?v=x",
                "javascript:alert(1)", "https://www.youtube.com/", "https://youtu.be/", "youtube.com/watch?v=abc",
                "https://www.youtube.com/watch?v=a%20b")) {
            assertThrows(IllegalArgumentException.class, () -> YoutubeUrl.parse(url), url);
        }
    }

    @Test
    void anIdIsNeverAnOptionForYtDlp() {
        // An id may start with dashes, but yt-dlp only ever receives it inside a canonical URL, after "--".
        assertEquals("https://www.youtube.com/watch?v=--exec",
                YoutubeUrl.parse("https://www.youtube.com/watch?v=--exec").canonical());
    }

    @Test
    void progressLinesGiveOverallPercentSpeedAndEta() {
        ProgressParser single = new ProgressParser(1);
        assertTrue(single.line("[download]   0.0% of    5.72MiB at  Unknown B/s ETA Unknown").isPresent());
        ProgressParser.Step step = single.line("[download]  34.9% of    5.72MiB at    1.46MiB/s ETA 00:02")
                .orElseThrow();
        assertEquals(34, step.percent());
        assertEquals("1.46MiB/s", step.speed());
        assertEquals("00:02", step.eta());
        assertTrue(single.line("[download] 100% of    5.72MiB in 00:00:03 at 1.46MiB/s").isEmpty());
        single.line("/srv/dl/alice/clip [abc].mp4");
        assertEquals(List.of(Path.of("/srv/dl/alice/clip [abc].mp4")), single.files());

        ProgressParser playlist = new ProgressParser(4);
        assertEquals(12, playlist.line("[download]  50.0% of 1.00MiB at 1.00MiB/s ETA 00:01").orElseThrow().percent());
        playlist.line("/srv/dl/one.mp4");
        assertEquals(37, playlist.line("[download]  50.0% of 1.00MiB at 1.00MiB/s ETA 00:01").orElseThrow().percent());
    }

    @Test
    void videoAndAudioRunsCombineIntoOneRisingFigure() {
        // yt-dlp with --print is quiet: only the two runs' progress lines and their summary lines show.
        ProgressParser p = new ProgressParser(1, ProgressParser.MERGED);
        assertEquals(0, p.line("[download]   0.0% of 10.00MiB at 1.00MiB/s ETA 00:10").orElseThrow().percent());
        assertEquals(25, p.line("[download]  50.0% of 10.00MiB at 1.00MiB/s ETA 00:05").orElseThrow().percent());
        assertEquals(50, p.line("[download] 100.0% of 10.00MiB at 1.00MiB/s ETA 00:00").orElseThrow().percent());
        assertTrue(p.line("[download] 100% of   10.00MiB in 00:00:10 at 1.00MiB/s").isEmpty());
        assertEquals(50, p.line("[download]   0.0% of 2.50MiB at 1.00MiB/s ETA 00:03").orElseThrow().percent(),
                "the audio run starts where the video ended, not at 0");
        assertEquals(75, p.line("[download]  50.0% of 2.50MiB at 1.00MiB/s ETA 00:01").orElseThrow().percent());
        assertEquals(100, p.line("[download] 100.0% of 2.50MiB at 1.00MiB/s ETA 00:00").orElseThrow().percent());
        p.line("[download] 100% of    2.50MiB in 00:00:02 at 1.00MiB/s");
        p.line("/srv/dl/clip [abc].mp4");

        ProgressParser playlist = new ProgressParser(2, ProgressParser.MERGED);
        assertEquals(25, playlist.line("[download] 100.0% of 1.00MiB at 1.00MiB/s ETA 00:00").orElseThrow().percent());
        playlist.line("[download] 100% of    1.00MiB in 00:00:01 at 1.00MiB/s");
        assertEquals(37, playlist.line("[download]  50.0% of 1.00MiB at 1.00MiB/s ETA 00:01").orElseThrow().percent());
        playlist.line("/srv/dl/one.mp4");
        assertEquals(50, playlist.line("[download]   0.0% of 1.00MiB at 1.00MiB/s ETA 00:01").orElseThrow().percent(),
                "the second video's video run starts at its own span");
    }

    @Test
    void aLongFileListFitsItsColumn() {
        List<String> names = new ArrayList<>(IntStream.range(0, 300)
                .mapToObj(i -> "A rather long video title number " + i + " [abcdefghijk].mp4").toList());
        String json = DownloadRepository.filesJson(names);
        assertTrue(json.length() <= 4000, "length " + json.length());
        assertTrue(json.contains("more\"]"), json.substring(json.length() - 40));
    }
}

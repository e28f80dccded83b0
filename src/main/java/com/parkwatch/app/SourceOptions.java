package com.parkwatch.app;

import com.parkwatch.lot.Layout;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.FrameSources;
import com.parkwatch.vision.layout.LayoutLoader;
import com.parkwatch.vision.video.RtspTransport;
import com.parkwatch.vision.video.SourceException;
import com.parkwatch.vision.video.SourceNames;
import com.parkwatch.vision.video.SourceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the frames come from and where the spots are: shared by the commands that watch a lot. */
public final class SourceOptions {

    private static final Logger LOG = LoggerFactory.getLogger(SourceOptions.class);

    @Option(names = "--video", required = true, paramLabel = "V",
            description = "Video file, stream URL (rtsp://, http://, ...), camera (/dev/video0 or 0), folder of images,"
                    + " or 'sim' (or sim:SEED) for the simulated lot.")
    String video;

    @Option(names = "--mask", paramLabel = "M",
            description = "Spot mask image (white spots on black), JSON polygon layout or PKLot XML."
                    + " Optional for 'sim', which brings its own layout.")
    Path mask;

    @Option(names = "--loop-count", paramLabel = "K", defaultValue = "1",
            description = "Play a file or folder K times (default: ${DEFAULT-VALUE}).")
    int loopCount;

    @Mixin
    RtspTransportOption rtsp;

    public String video() {
        return video;
    }

    public Path mask() {
        return mask;
    }

    public int loopCount() {
        return loopCount;
    }

    public RtspTransport transport() {
        return rtsp.transport;
    }

    public FrameSource open() throws SourceException {
        return open(video, loopCount, rtsp.transport);
    }

    public static FrameSource open(String video, int loopCount) throws SourceException {
        return open(video, loopCount, RtspTransport.AUTO);
    }

    static FrameSource open(String video, int loopCount, RtspTransport transport) throws SourceException {
        if (loopCount < 1) {
            throw new IllegalArgumentException("--loop-count must be at least 1, got " + loopCount);
        }
        return FrameSources.open(video, loopCount, transport, SourceOptions::report);
    }

    private static void report(SourceStatus status) {
        if (status.state() != SourceStatus.State.RUNNING) {
            LOG.warn("source {}: {}{}", status.state().name().toLowerCase(), status.reason(),
                    status.nextTry() == null ? "" : "; next try at " + status.nextTry());
        }
    }

    /** The layout fitted to the source's frames. */
    public Layout layoutFor(FrameSource source) {
        return layoutFor(source, mask, video);
    }

    static Layout layoutFor(FrameSource source, Path mask, String video) {
        Layout layout;
        if (mask != null) {
            layout = LayoutLoader.read(mask, source.width(), source.height());
        } else {
            layout = source.ownLayout().orElseThrow(() -> new IllegalArgumentException(
                    "--mask is needed for " + SourceNames.redacted(video) + ": only the simulated lot brings its own layout"));
        }
        return layout.fittedTo(source.width(), source.height());
    }
}

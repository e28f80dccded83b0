package com.parkwatch.vision;

import com.parkwatch.vision.sim.SimulatedLot;
import com.parkwatch.vision.video.CameraSource;
import com.parkwatch.vision.video.FfmpegSource;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.ImageFolderSource;
import com.parkwatch.vision.video.ReconnectingSource;
import com.parkwatch.vision.video.RtspTransport;
import com.parkwatch.vision.video.SourceException;
import com.parkwatch.vision.video.SourceStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a source from what the user typed: {@code sim} or {@code sim:SEED} for the simulated lot, a camera
 * ({@code /dev/video0} or a bare index), a network URL (rtsp, rtmp, http, https, udp, tcp), a folder of images, or
 * a video file.
 */
public final class FrameSources {

    private static final Pattern SIM = Pattern.compile("sim(?::(\\d+))?");
    private static final Pattern CAMERA = Pattern.compile("(?:/dev/video)?(\\d+)");
    private static final Pattern STREAM = Pattern.compile("(rtsp|rtmp|https?|udp|tcp|srt)://.+", Pattern.CASE_INSENSITIVE);

    private FrameSources() {
    }

    /** Whether the source is a network stream, which may be down for a while and come back. */
    public static boolean isStream(String spec) {
        return STREAM.matcher(spec).matches();
    }

    /** Whether the source is the simulated lot ({@code sim}, {@code sim:SEED}), which brings its own layout. */
    public static boolean isSimulated(String spec) {
        return SIM.matcher(spec.toLowerCase(Locale.ROOT)).matches();
    }

    /** A source with RTSP's transport chosen automatically. */
    public static FrameSource open(String spec, int loops, Consumer<SourceStatus> status) throws SourceException {
        return open(spec, loops, RtspTransport.AUTO, status);
    }

    /**
     * @param loops     how many times to play a file or folder
     * @param transport how RTSP media travel
     * @param status    told when a stream drops and comes back
     */
    public static FrameSource open(String spec, int loops, RtspTransport transport, Consumer<SourceStatus> status)
            throws SourceException {
        Matcher sim = SIM.matcher(spec.toLowerCase(Locale.ROOT));
        if (sim.matches()) {
            return new SimulatedLot(sim.group(1) == null ? SimulatedLot.DEFAULT_SEED : Long.parseLong(sim.group(1)));
        }
        Matcher camera = CAMERA.matcher(spec);
        if (camera.matches()) {
            return new CameraSource(Integer.parseInt(camera.group(1)));
        }
        if (isStream(spec)) {
            return new ReconnectingSource(() -> FfmpegSource.stream(spec, transport), status);
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            return new ImageFolderSource(path, loops);
        }
        if (!Files.isRegularFile(path)) {
            throw new SourceException("cannot open the video " + spec + ": no such file");
        }
        if (!Files.isReadable(path)) {
            throw new SourceException("cannot open the video " + spec + ": the file is not readable");
        }
        return FfmpegSource.file(spec, loops);
    }
}

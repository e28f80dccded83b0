package com.parkwatch.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotJson;
import com.parkwatch.lot.LayoutFiles;
import com.parkwatch.vision.FrameSources;
import com.parkwatch.vision.layout.BaySuggester;
import com.parkwatch.vision.layout.LayoutLoader;
import com.parkwatch.vision.layout.LayoutMatch;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.SourceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.io.IOException;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "layout", mixinStandardHelpOptions = true,
        description = {"Print the spots of a mask (or layout file) as JSON, scaled to a frame size if given.",
                "With --suggest, propose bays where cars stand still in a video and write them as a JSON polygon layout."})
final class LayoutCommand implements Callable<Integer> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})x(\\d{1,9})");

    @Option(names = "--mask", paramLabel = "M",
            description = "Spot mask image, JSON polygon layout or PKLot XML (which needs --size).")
    Path mask;

    @Option(names = "--suggest", description = "Propose bays where cars stand still in --video; write them to --out.")
    boolean suggest;

    @Option(names = "--video", paramLabel = "V", description = "The video --suggest looks at (a file: it is read to its end).")
    String video;

    @Option(names = "--out", paramLabel = "FILE", description = "Where --suggest writes the JSON polygon layout.")
    Path out;

    @Option(names = "--compare", paramLabel = "M",
            description = "With --suggest: print how many of this mask's (or layout's) bays the proposals found, and how well they overlap.")
    Path compare;

    @Option(names = "--max-frames", paramLabel = "N", defaultValue = "100000",
            description = "With --suggest: look at the first N frames at most (default: ${DEFAULT-VALUE}).")
    long maxFrames;

    @Option(names = "--size", paramLabel = "WxH", description = "Scale the spots to frames of this size.")
    String size;

    @Option(names = "--polygons",
            description = "Print the whole layout as a JSON polygon layout (readable by --mask) instead of boxes.")
    boolean polygons;

    @Override
    public Integer call() throws Exception {
        if (suggest) {
            return suggest();
        }
        if (mask == null) {
            throw new IllegalArgumentException("give the layout to print with --mask M, or --suggest --video V --out FILE");
        }
        int[] frame = size == null ? null : parseSize(size);
        if (frame == null && mask.getFileName().toString().toLowerCase().endsWith(".xml")) {
            throw new IllegalArgumentException("a PKLot layout has no size of its own: give --size WxH");
        }
        Layout layout = frame == null ? LayoutLoader.read(mask, 0, 0) : LayoutLoader.read(mask, frame[0], frame[1]);
        if (frame != null) {
            layout = layout.fittedTo(frame[0], frame[1]);
        }
        System.out.println(polygons ? LayoutFiles.toJson(layout) : boxes(layout));
        return 0;
    }

    private int suggest() throws SourceException, IOException {
        if (video == null || out == null) {
            throw new IllegalArgumentException("--suggest needs --video V and --out FILE");
        }
        if (maxFrames < 3) {
            throw new IllegalArgumentException("--max-frames must be at least 3 for --suggest, got " + maxFrames);
        }
        Layout proposed;
        try (FrameSource frames = FrameSources.open(video, 1, status -> { })) {
            proposed = BaySuggester.suggest(frames, maxFrames);
        }
        LayoutFiles.write(proposed, out);
        System.out.printf("proposed %d bays where cars stood still in %s; wrote %s%n", proposed.size(), video, out);
        if (compare != null) {
            Layout known = LayoutLoader.read(compare, proposed.width(), proposed.height())
                    .fittedTo(proposed.width(), proposed.height());
            System.out.println("against " + compare + ": " + LayoutMatch.of(known, proposed).describe());
        }
        return 0;
    }

    private static String boxes(Layout layout) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            out.writeStartArray();
            for (Spot spot : layout.spots()) {
                out.writeStartObject();
                SpotJson.writeBox(out, spot);
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        return text.toString();
    }

    static int[] parseSize(String text) {
        Matcher m = SIZE.matcher(text);
        int[] size = m.matches() ? new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : new int[]{0, 0};
        if (size[0] < 1 || size[1] < 1) {
            throw new IllegalArgumentException("--size must look like 1280x720, got " + text);
        }
        if (size[0] > Layout.MAX_SIDE || size[1] > Layout.MAX_SIDE) {
            throw new IllegalArgumentException("--size may be at most " + Layout.MAX_SIDE + " px a side, got " + text);
        }
        return size;
    }
}

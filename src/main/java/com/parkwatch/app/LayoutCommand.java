package com.parkwatch.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotJson;
import com.parkwatch.lot.LayoutFiles;
import com.parkwatch.vision.layout.LayoutLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.io.IOException;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "layout", mixinStandardHelpOptions = true,
        description = "Print the spots of a mask (or layout file) as JSON, scaled to a frame size if given.")
final class LayoutCommand implements Callable<Integer> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})x(\\d{1,9})");

    @Option(names = "--mask", required = true, paramLabel = "M",
            description = "Spot mask image, JSON polygon layout or PKLot XML (which needs --size).")
    Path mask;

    @Option(names = "--size", paramLabel = "WxH", description = "Scale the spots to frames of this size.")
    String size;

    @Option(names = "--polygons",
            description = "Print the whole layout as a JSON polygon layout (readable by --mask) instead of boxes.")
    boolean polygons;

    @Override
    public Integer call() throws Exception {
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

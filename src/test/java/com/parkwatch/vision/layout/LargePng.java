package com.parkwatch.vision.layout;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Grey PNG files far larger decoded than on disk, written row by row so the test itself stays small: one whose
 * rows are all there (black with a white square, as a real mask), one whose header claims a size its few bytes
 * of data do not hold.
 */
public final class LargePng {

    private LargePng() {
    }

    /** A complete mask: black, with a white 100 px square at (100, 100); zeros compress a thousand to one. */
    public static Path mask(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream rows = new DeflaterOutputStream(compressed)) {
            byte[] black = new byte[width + 1];
            byte[] spot = black.clone();
            Arrays.fill(spot, 101, 201, (byte) 255);
            for (int y = 0; y < height; y++) {
                rows.write(y >= 100 && y < 200 ? spot : black);
            }
        }
        return write(file, width, height, compressed.toByteArray());
    }

    /** A header claiming width x height over a few bytes of data. */
    public static Path claiming(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream rows = new DeflaterOutputStream(compressed)) {
            rows.write(new byte[64]);
        }
        return write(file, width, height, compressed.toByteArray());
    }

    private static Path write(Path file, int width, int height, byte[] idat) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream header = new DataOutputStream(ihdr);
            header.writeInt(width);
            header.writeInt(height);
            header.write(new byte[]{8, 0, 0, 0, 0}); // 8-bit grey, deflate, no filter, no interlace
            chunk(out, "IHDR", ihdr.toByteArray());
            chunk(out, "IDAT", idat);
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}

package com.parkwatch.vision.classify;

import com.parkwatch.vision.image.OpenCv;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Image2BlobParams;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A frozen, pretrained image network that turns a spot's crop into {@link #FEATURES} numbers which tell a car
 * from asphalt on lots and cameras never seen: ImageNet MobileNetV2 cut after block 10 and average-pooled, shipped
 * as fixed-shape ONNX (one file for single crops, one for batches of {@link #BATCH}) and run by OpenCV's dnn. Crops
 * wider than tall are turned upright first, as the network's measured figures were (assets/models, README), and
 * given the network in grey: in colour a head trained on two lots carried far worse to the third (PKLot left out
 * of training: 0.55 in colour, 0.82 in grey; docs/accuracy.md). They go in at {@link #SIDE} pixels square, not the
 * graphs' 128 (OpenCV sizes the graph to its input): a third of the CPU, and with the training's light
 * jitter a head that carries further to lots never trained on (docs/accuracy.md).
 * Reuses its buffers; not thread-safe; {@link #close()} frees the networks.
 */
public final class Backbone implements AutoCloseable {

    static {
        OpenCv.load();
    }

    public static final String KIND = "mobilenetv2-block10-64-grey";
    public static final int FEATURES = 384;
    public static final int BATCH = 16;
    static final String SINGLE_RESOURCE = "/models/mobilenetv2-block10-1x128.onnx";
    static final String BATCH_RESOURCE = "/models/mobilenetv2-block10-16x128.onnx";
    static final int SIDE = 64;
    private static final Size INPUT = new Size(SIDE, SIDE);
    /** The graphs divide by 255 themselves: pixels go in as they are, red first. */
    private static final Image2BlobParams PIXELS = new Image2BlobParams(Scalar.all(1), INPUT, Scalar.all(0), true,
            CvType.CV_32F);

    private final Net single;
    /** Loaded at the first full batch: the engine's pair runs crops one by one and never needs it. */
    private Net batch;
    private final Mat turned = new Mat();
    private final Mat grey = new Mat();
    private final Mat[] resized = new Mat[BATCH];
    private final List<Mat> batchInput = new ArrayList<>(BATCH);
    private final Mat blob = new Mat();
    private final float[] row = new float[FEATURES];

    public Backbone() {
        single = network(SINGLE_RESOURCE);
        for (int i = 0; i < BATCH; i++) {
            resized[i] = new Mat();
        }
    }

    private static Net network(String resource) {
        byte[] onnx;
        try (InputStream in = Backbone.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelException("the image network " + resource + " is missing from this build");
            }
            onnx = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("cannot read the image network " + resource + ": " + e.getMessage());
        }
        MatOfByte bytes = new MatOfByte(onnx);
        try {
            return Dnn.readNetFromONNX(bytes);
        } finally {
            bytes.release();
        }
    }

    /** Writes the features of one 8-bit BGR crop into {@code out}. */
    public void embed(Mat crop, float[] out) {
        prepare(crop, resized[0]);
        Dnn.blobFromImageWithParams(resized[0], blob, PIXELS);
        read(single, out, null);
    }

    /** Writes the features of each crop into the matching row of {@code out}, {@link #BATCH} crops per run. */
    public void embedAll(List<Mat> crops, float[][] out) {
        int done = 0;
        for (; crops.size() - done >= BATCH; done += BATCH) {
            batchInput.clear();
            for (int i = 0; i < BATCH; i++) {
                prepare(crops.get(done + i), resized[i]);
                batchInput.add(resized[i]);
            }
            Dnn.blobFromImagesWithParams(batchInput, blob, PIXELS);
            if (batch == null) {
                batch = network(BATCH_RESOURCE);
            }
            read(batch, null, new Rows(out, done));
        }
        for (; done < crops.size(); done++) {
            embed(crops.get(done), out[done]);
        }
    }

    /** Where a batch's rows go. */
    private record Rows(float[][] out, int first) {
    }

    private void read(Net net, float[] one, Rows many) {
        net.setInput(blob);
        Mat features = net.forward();
        if (one != null) {
            features.get(0, 0, one);
        } else {
            for (int i = 0; i < BATCH; i++) {
                features.get(i, 0, row);
                System.arraycopy(row, 0, many.out()[many.first() + i], 0, FEATURES);
            }
        }
        features.release();
    }

    /**
     * Upright (wider than tall turned a quarter anticlockwise), shrunk to the network's input size and made grey
     * in all three channels (the network wants three).
     */
    private void prepare(Mat crop, Mat out) {
        Mat upright = crop;
        if (crop.cols() > crop.rows()) {
            Core.rotate(crop, turned, Core.ROTATE_90_COUNTERCLOCKWISE);
            upright = turned;
        }
        Imgproc.resize(upright, out, INPUT, 0, 0, Imgproc.INTER_AREA);
        Imgproc.cvtColor(out, grey, Imgproc.COLOR_BGR2GRAY);
        Imgproc.cvtColor(grey, out, Imgproc.COLOR_GRAY2BGR);
    }

    @Override
    public void close() {
        turned.release();
        grey.release();
        for (Mat m : resized) {
            m.release();
        }
        blob.release();
        // OpenCV's Java Net has no release: its native object (the weights, about 1 MB each) goes when collected.
    }
}

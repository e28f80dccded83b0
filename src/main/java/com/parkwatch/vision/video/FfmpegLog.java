package com.parkwatch.vision.video;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * Keeps FFmpeg's own console output (format dumps, scaler notes, its error lines) out of the user's terminal: a
 * failure reaches the user once, as the one sentence of a {@link SourceException}.
 */
final class FfmpegLog {

    private FfmpegLog() {
    }

    static synchronized void quiet() {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }
}

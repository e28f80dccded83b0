package com.parkwatch.vision.video;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_FORBIDDEN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_UNAUTHORIZED;

/**
 * Why FFmpeg could not open a source, in words: the error code that javacv puts in its message ("avformat_open_input()
 * error -111: ...") names a refused connection or a missing stream better than "not a video FFmpeg can read".
 */
final class OpenFailure {

    private static final Pattern CODE = Pattern.compile("error (-\\d+)");

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("rtsp", 554, "rtmp", 1935, "http", 80, "https", 443);
    private static final int PROBE_MILLIS = 3000;

    /** FFmpeg's AVERROR(EPROTONOSUPPORT): the RTSP server answered 461 to every transport offered. */
    static final int TRANSPORT_REFUSED = -93;

    private OpenFailure() {
    }

    /**
     * Why a TCP connection to the URL's host fails, in words, or null when it connects or cannot be tried: FFmpeg
     * reports an unknown host or an unreachable one as an I/O error or as invalid data.
     */
    private static String unreachable(String location) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        Integer port = uri.getPort() > 0 ? Integer.valueOf(uri.getPort()) : DEFAULT_PORTS.get(scheme);
        if (uri.getHost() == null || port == null) {
            return null;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), PROBE_MILLIS);
            return null;
        } catch (UnknownHostException e) {
            return "no such host";
        } catch (SocketTimeoutException e) {
            return "no answer in time";
        } catch (IOException e) {
            return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        }
    }

    /** The FFmpeg error code in a javacv message, or 0. */
    static int code(Throwable e) {
        Matcher m = e.getMessage() == null ? null : CODE.matcher(e.getMessage());
        return m != null && m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The sentence for a source that did not open; a stream's host is tried when FFmpeg's code says nothing. */
    static String sentence(String location, boolean stream, int code) {
        String name = SourceNames.redacted(location);
        String connect = "cannot connect to " + name + ": ";
        String unreachable = stream ? unreachable(location) : null;
        if (unreachable != null) {
            return connect + unreachable;
        }
        return switch (code) {
            case -111 -> connect + "connection refused";
            case -113 -> connect + "host unreachable";
            case -101 -> connect + "network unreachable";
            case -110 -> connect + "no answer in time";
            default -> {
                if (code == AVERROR_HTTP_UNAUTHORIZED) {
                    yield "cannot open " + name + ": the server refused the user name or password (401)";
                }
                if (code == AVERROR_HTTP_FORBIDDEN) {
                    yield "cannot open " + name + ": the server forbids it (403)";
                }
                if (code == AVERROR_HTTP_NOT_FOUND) {
                    yield "cannot open " + name + ": the server has no such stream (404)";
                }
                yield "cannot open " + name + ": it is not a video FFmpeg can read";
            }
        };
    }
}

package com.parkwatch.ui.editor;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LayoutFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Where the editor's model saves in plain tests: the file, and every layout the lot was asked to watch. */
final class RecordingTarget implements LayoutTarget {

    private final Supplier<Path> file;
    final List<Layout> used = new ArrayList<>();

    /** @param file read when saving: a test's temporary folder is set after its fields are made */
    RecordingTarget(Supplier<Path> file) {
        this.file = file;
    }

    @Override
    public Path file() {
        return file.get();
    }

    @Override
    public void use(Layout layout) throws IOException {
        LayoutFiles.write(layout, file());
        used.add(layout);
    }
}

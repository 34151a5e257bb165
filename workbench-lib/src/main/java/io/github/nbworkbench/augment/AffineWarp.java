package io.github.nbworkbench.augment;

/**
 * Warps one image of a batch by an affine map, sampling the source through the inverse map: each
 * output pixel (x, y) reads the source at (a x + b y + c, d x + e y + f). The source position moves
 * by a constant step along a row, so a row costs only additions and the reads.
 */
final class AffineWarp {

    private final Interpolation interpolation;
    private final EdgeMode edges;

    AffineWarp(Interpolation interpolation, EdgeMode edges) {
        this.interpolation = interpolation;
        this.edges = edges;
    }

    /**
     * Writes image {@code image} of {@code to}, warping the same image of {@code from};
     * {@code inverse} = {a, b, c, d, e, f} maps output pixel coordinates to source coordinates.
     */
    void warp(ImageBatch from, ImageBatch to, int image, double[] inverse) {
        int width = from.width();
        int height = from.height();
        for (int y = 0; y < height; y++) {
            double sourceX = inverse[1] * y + inverse[2];
            double sourceY = inverse[4] * y + inverse[5];
            for (int x = 0; x < width; x++, sourceX += inverse[0], sourceY += inverse[3]) {
                if (interpolation == Interpolation.NEAREST) {
                    sampleNearest(from, to, image, y * width + x, sourceX, sourceY);
                } else {
                    sampleBilinear(from, to, image, y * width + x, sourceX, sourceY);
                }
            }
        }
    }

    private void sampleNearest(ImageBatch from, ImageBatch to, int image, int target, double sourceX, double sourceY) {
        int column = (int) Math.floor(sourceX + 0.5);
        int row = (int) Math.floor(sourceY + 0.5);
        if (edges == EdgeMode.NEAREST) {
            column = clamp(column, from.width());
            row = clamp(row, from.height());
        } else if (column < 0 || column >= from.width() || row < 0 || row >= from.height()) {
            return;
        }
        int source = row * from.width() + column;
        float[] in = from.data();
        float[] out = to.data();
        int plane = from.planeSize();
        for (int offset = image * from.imageSize(); offset < (image + 1) * from.imageSize(); offset += plane) {
            out[offset + target] = in[offset + source];
        }
    }

    private void sampleBilinear(ImageBatch from, ImageBatch to, int image, int target, double sourceX, double sourceY) {
        int width = from.width();
        int height = from.height();
        double floorX = Math.floor(sourceX);
        double floorY = Math.floor(sourceY);
        int x0 = (int) floorX;
        int y0 = (int) floorY;
        if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) {
            if (edges == EdgeMode.ZERO) {
                return;
            }
        }
        float fx = (float) (sourceX - floorX);
        float fy = (float) (sourceY - floorY);
        float w00 = (1 - fx) * (1 - fy);
        float w01 = fx * (1 - fy);
        float w10 = (1 - fx) * fy;
        float w11 = fx * fy;
        float[] in = from.data();
        float[] out = to.data();
        int plane = from.planeSize();
        int end = (image + 1) * from.imageSize();
        if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
            int i00 = y0 * width + x0;
            for (int offset = image * from.imageSize(); offset < end; offset += plane) {
                int base = offset + i00;
                out[offset + target] = w00 * in[base] + w01 * in[base + 1] + w10 * in[base + width] + w11 * in[base + width + 1];
            }
            return;
        }
        // At the border: each of the four neighbours is read, clamped or zero, on its own
        int i00 = index(x0, y0, width, height);
        int i01 = index(x0 + 1, y0, width, height);
        int i10 = index(x0, y0 + 1, width, height);
        int i11 = index(x0 + 1, y0 + 1, width, height);
        for (int offset = image * from.imageSize(); offset < end; offset += plane) {
            out[offset + target] = w00 * read(in, offset, i00) + w01 * read(in, offset, i01)
                    + w10 * read(in, offset, i10) + w11 * read(in, offset, i11);
        }
    }

    /** The index of (x, y) in a plane, clamped into the image, or -1 where the edge mode reads zero. */
    private int index(int x, int y, int width, int height) {
        if (edges == EdgeMode.NEAREST) {
            return clamp(y, height) * width + clamp(x, width);
        }
        return x < 0 || y < 0 || x >= width || y >= height ? -1 : y * width + x;
    }

    private static float read(float[] data, int planeStart, int index) {
        return index < 0 ? 0f : data[planeStart + index];
    }

    private static int clamp(int value, int size) {
        return value < 0 ? 0 : Math.min(value, size - 1);
    }
}

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
     * Pixels that read only zeros are left as they are in {@code to}, which must be zero there.
     */
    void warp(ImageBatch from, ImageBatch to, int image, double[] inverse) {
        if (interpolation == Interpolation.NEAREST) {
            warpNearest(from, to, image, inverse);
        } else {
            warpBilinear(from, to, image, inverse);
        }
    }

    private void warpNearest(ImageBatch from, ImageBatch to, int image, double[] inverse) {
        float[] in = from.data();
        float[] out = to.data();
        int width = from.width();
        int height = from.height();
        int plane = from.planeSize();
        int imageStart = image * from.imageSize();
        int imageEnd = imageStart + from.imageSize();
        boolean clampEdges = edges == EdgeMode.NEAREST;
        for (int y = 0; y < height; y++) {
            double sourceX = inverse[1] * y + inverse[2];
            double sourceY = inverse[4] * y + inverse[5];
            for (int x = 0; x < width; x++, sourceX += inverse[0], sourceY += inverse[3]) {
                int column = (int) Math.floor(sourceX + 0.5);
                int row = (int) Math.floor(sourceY + 0.5);
                if (clampEdges) {
                    column = clamp(column, width);
                    row = clamp(row, height);
                } else if (column < 0 || column >= width || row < 0 || row >= height) {
                    continue;
                }
                int source = row * width + column - y * width - x;
                for (int target = imageStart + y * width + x; target < imageEnd; target += plane) {
                    out[target] = in[target + source];
                }
            }
        }
    }

    private void warpBilinear(ImageBatch from, ImageBatch to, int image, double[] inverse) {
        float[] in = from.data();
        float[] out = to.data();
        int width = from.width();
        int height = from.height();
        int plane = from.planeSize();
        int imageStart = image * from.imageSize();
        int imageEnd = imageStart + from.imageSize();
        for (int y = 0; y < height; y++) {
            double sourceX = inverse[1] * y + inverse[2];
            double sourceY = inverse[4] * y + inverse[5];
            for (int x = 0; x < width; x++, sourceX += inverse[0], sourceY += inverse[3]) {
                int target = imageStart + y * width + x;
                // inside, truncation is floor, and cheaper
                int x0 = (int) sourceX;
                int y0 = (int) sourceY;
                if (sourceX >= 0 && sourceY >= 0 && x0 < width - 1 && y0 < height - 1) {
                    float fx = (float) (sourceX - x0);
                    float fy = (float) (sourceY - y0);
                    int source = imageStart + y0 * width + x0;
                    for (; target < imageEnd; target += plane, source += plane) {
                        float top = in[source] + fx * (in[source + 1] - in[source]);
                        float bottom = in[source + width] + fx * (in[source + width + 1] - in[source + width]);
                        out[target] = top + fy * (bottom - top);
                    }
                    continue;
                }
                double floorX = Math.floor(sourceX);
                double floorY = Math.floor(sourceY);
                x0 = (int) floorX;
                y0 = (int) floorY;
                if (edges == EdgeMode.NEAREST || (x0 >= -1 && y0 >= -1 && x0 < width && y0 < height)) {
                    sampleAtBorder(in, out, target, imageStart, imageEnd, plane, x0, y0,
                            (float) (sourceX - floorX), (float) (sourceY - floorY), width, height);
                }
            }
        }
    }

    /** Bilinear sampling where some of the four neighbours lie outside: each is clamped or zero on its own. */
    private void sampleAtBorder(float[] in, float[] out, int target, int imageStart, int imageEnd, int plane,
                                int x0, int y0, float fx, float fy, int width, int height) {
        int i00 = index(x0, y0, width, height);
        int i01 = index(x0 + 1, y0, width, height);
        int i10 = index(x0, y0 + 1, width, height);
        int i11 = index(x0 + 1, y0 + 1, width, height);
        for (int planeStart = imageStart; planeStart < imageEnd; planeStart += plane, target += plane) {
            float top = read(in, planeStart, i00) + fx * (read(in, planeStart, i01) - read(in, planeStart, i00));
            float bottom = read(in, planeStart, i10) + fx * (read(in, planeStart, i11) - read(in, planeStart, i10));
            out[target] = top + fy * (bottom - top);
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

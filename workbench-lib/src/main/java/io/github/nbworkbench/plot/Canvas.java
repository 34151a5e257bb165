package io.github.nbworkbench.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Drawing shared by the image grids: a white canvas, a title, centred text. */
final class Canvas {

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    static final Color TEXT = new Color(0x222222);
    /** The colour of mistakes: captions and borders. */
    static final Color MISTAKE = new Color(0xd62728);
    static final int MARGIN = 10;

    /** Measures text before the canvas exists. */
    private static final Graphics2D MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();

    private Canvas() {
    }

    static FontMetrics metrics(Font font) {
        return MEASURE.getFontMetrics(font);
    }

    static int width(Font font, String text) {
        return metrics(font).stringWidth(text);
    }

    /** Height of the title band, 0 without a title. */
    static int titleHeight(String title) {
        return title == null ? 0 : metrics(TITLE_FONT).getHeight() + MARGIN;
    }

    static Graphics2D create(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    static void drawTitle(Graphics2D g, String title, int canvasWidth) {
        if (title != null) {
            g.setFont(TITLE_FONT);
            g.setColor(TEXT);
            drawCentered(g, title, canvasWidth / 2, MARGIN + g.getFontMetrics().getAscent());
        }
    }

    static void drawCentered(Graphics2D g, String text, int centreX, int baseline) {
        g.drawString(text, centreX - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }
}

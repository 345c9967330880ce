package dev.ad4j.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The report's bar chart: for each row a group of bars on a log-scale ratio axis, the row's
 * numerator (ad4j) first and the methods beside it after, every bar a ratio over the row's
 * denominator, drawn from 1 up or down; a red mark at the target and a dashed line at 1 (as fast as
 * the denominator, the hand-written or plain code). Rows that did not run keep their place,
 * labelled "not run". Drawn with java.awt in headless mode.
 */
final class RatioChart {
  static final Color NUMERATOR = new Color(0x1f77b4);
  static final Color[] BESIDE = {
    new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b)
  };
  static final Color TARGET = new Color(0xd62728);

  private static final int BAR = 14;
  private static final int GAP = 16;
  private static final int LEFT = 90;
  private static final int RIGHT = 220;
  private static final int TOP = 80;
  private static final int PLOT_HEIGHT = 420;
  private static final int BOTTOM = 260;

  private RatioChart() {}

  /** Draws the chart and writes it to {@code file} as PNG. */
  static void write(List<RowResult> results, String title, Path file) {
    try {
      if (!ImageIO.write(draw(results, title), "png", file.toFile())) {
        throw new IllegalStateException("no PNG writer in this JDK's ImageIO");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  static BufferedImage draw(List<RowResult> results, String title) {
    System.setProperty("java.awt.headless", "true");
    int width = LEFT + RIGHT;
    for (RowResult r : results) {
      width += groupWidth(r);
    }
    width = Math.max(width, 800);
    BufferedImage image =
        new BufferedImage(width, TOP + PLOT_HEIGHT + BOTTOM, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      LogAxis axis = LogAxis.spanning(results, TOP + PLOT_HEIGHT, TOP);
      drawAxis(g, axis, width);
      List<String> peers = besideNames(results);
      int x = LEFT;
      for (RowResult r : results) {
        drawGroup(g, axis, r, x, peers);
        x += groupWidth(r);
      }
      drawLegend(g, title, peers);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static int groupWidth(RowResult r) {
    return (1 + r.beside().size()) * BAR + GAP;
  }

  private static void drawAxis(Graphics2D g, LogAxis axis, int width) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int e = axis.lowExponent(); e <= axis.highExponent(); e++) {
      int y = axis.y(Math.pow(10, e));
      g.setColor(new Color(0xdddddd));
      g.drawLine(LEFT, y, width - RIGHT, y);
      g.setColor(Color.DARK_GRAY);
      String label = Numbers.format(Math.pow(10, e));
      g.drawString(label, LEFT - 6 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    int one = axis.y(1);
    g.setColor(Color.DARK_GRAY);
    g.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
    g.drawLine(LEFT, one, width - RIGHT, one);
    g.setStroke(new BasicStroke(1));
    g.drawLine(LEFT, TOP, LEFT, TOP + PLOT_HEIGHT);
    g.drawLine(LEFT, TOP + PLOT_HEIGHT, width - RIGHT, TOP + PLOT_HEIGHT);
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString("ratio (log scale)", -(TOP + PLOT_HEIGHT / 2 + 40), 18);
    g.setTransform(saved);
  }

  /** Every method shown beside a numerator, in order of first appearance: one colour each. */
  static List<String> besideNames(List<RowResult> results) {
    Set<String> names = new LinkedHashSet<>();
    for (RowResult r : results) {
      names.addAll(r.row().beside());
    }
    return List.copyOf(names);
  }

  static Color besideColor(List<String> peers, String method) {
    return BESIDE[peers.indexOf(method) % BESIDE.length];
  }

  private static void drawGroup(
      Graphics2D g, LogAxis axis, RowResult r, int x, List<String> peers) {
    int one = axis.y(1);
    bar(g, axis, r.ratio(), x, NUMERATOR, one);
    for (int i = 0; i < r.beside().size(); i++) {
      Color c = besideColor(peers, r.row().beside().get(i));
      bar(g, axis, r.beside().get(i), x + (i + 1) * BAR, c, one);
    }
    int base = TOP + PLOT_HEIGHT;
    int span = (1 + r.beside().size()) * BAR;
    if (!r.row().target().isNone()) {
      int y = axis.y(r.row().target().bound());
      g.setColor(TARGET);
      g.setStroke(new BasicStroke(3));
      g.drawLine(x - 2, y, x + span + 2, y);
      g.setStroke(new BasicStroke(1));
    }
    String label = r.row().problem() + " " + r.row().params() + (r.ran() ? "" : " (not run)");
    AffineTransform saved = g.getTransform();
    g.translate(x + span / 2.0 + 4, base + 8);
    g.rotate(Math.PI / 3);
    g.setColor(r.ran() ? Color.BLACK : Color.GRAY);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawString(label, 0, 0);
    g.setTransform(saved);
  }

  /** A bar from the line at 1 up (a ratio above 1) or down (below 1) to {@code ratio}. */
  private static void bar(Graphics2D g, LogAxis axis, double ratio, int x, Color c, int one) {
    if (Double.isNaN(ratio)) {
      return;
    }
    int y = axis.y(ratio);
    g.setColor(c);
    g.fillRect(x, Math.min(y, one), BAR - 2, Math.max(1, Math.abs(one - y)));
  }

  private static void drawLegend(Graphics2D g, String title, List<String> peers) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, LEFT, 22);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    int x = LEFT;
    x = legendEntry(g, x, NUMERATOR, "numerator (ad4j; the peer in 'vs' rows)");
    for (String peer : peers) {
      x = legendEntry(g, x, besideColor(peers, peer), peer);
    }
    legendEntry(g, x, TARGET, "target");
    g.setColor(Color.DARK_GRAY);
    g.drawString(
        "every bar is a ratio over its row's denominator (the hand-written gradient or the plain"
            + " objective): the dashed line at 1",
        LEFT,
        64);
  }

  private static int legendEntry(Graphics2D g, int x, Color c, String text) {
    g.setColor(c);
    g.fillRect(x, 38, 12, 12);
    g.setColor(Color.BLACK);
    g.drawString(text, x + 16, 48);
    return x + 24 + g.getFontMetrics().stringWidth(text);
  }

  /** A log10 axis from a power of ten below every value to one above, mapped to pixels. */
  record LogAxis(int lowExponent, int highExponent, int bottomPixel, int topPixel) {
    static LogAxis spanning(List<RowResult> results, int bottomPixel, int topPixel) {
      double low = 1;
      double high = 1;
      for (RowResult r : results) {
        for (double v : values(r)) {
          if (v > 0 && Double.isFinite(v)) {
            low = Math.min(low, v);
            high = Math.max(high, v);
          }
        }
      }
      int lowExponent = (int) Math.floor(Math.log10(low));
      int highExponent = (int) Math.ceil(Math.log10(high));
      if (highExponent == lowExponent) {
        highExponent++;
      }
      return new LogAxis(lowExponent, highExponent, bottomPixel, topPixel);
    }

    private static double[] values(RowResult r) {
      double[] v = new double[r.beside().size() + 2];
      v[0] = r.ratio();
      v[1] = r.row().target().bound();
      for (int i = 0; i < r.beside().size(); i++) {
        v[i + 2] = r.beside().get(i);
      }
      return v;
    }

    /** The pixel row of {@code value}, clamped to the plot. */
    int y(double value) {
      double t = (Math.log10(value) - lowExponent) / (highExponent - lowExponent);
      t = Math.max(0, Math.min(1, t));
      return (int) Math.round(bottomPixel - t * (bottomPixel - topPixel));
    }
  }
}

package dev.ad4j.api;

/** Builds and checks CSR arrays for {@link SparseMatrix}; package-private plumbing. */
final class Coordinates {
  private Coordinates() {}

  static SparseMatrix build(
      int rows,
      int cols,
      int[] rowIndices,
      int[] columnIndices,
      SparseMatrix.Kind kind,
      double[] doubles,
      int[] ints) {
    checkDimensions(rows, cols);
    if (rowIndices == null || columnIndices == null) {
      throw new IllegalArgumentException(
          "the "
              + (rowIndices == null ? "row" : "column")
              + " index array is null; pass one index per stored entry (new int[0] for none)");
    }
    if (kind != SparseMatrix.Kind.PATTERN && doubles == null && ints == null) {
      throw new IllegalArgumentException(
          "the values array of "
              + (kind == SparseMatrix.Kind.INTEGER ? "an integer" : "a double")
              + " matrix is null; pass one value per coordinate, or use SparseMatrix.pattern");
    }
    int n = rowIndices.length;
    if (columnIndices.length != n
        || (doubles != null && doubles.length != n)
        || (ints != null && ints.length != n)) {
      throw new IllegalArgumentException(
          "coordinate arrays differ in length: rows "
              + n
              + ", columns "
              + columnIndices.length
              + (doubles != null ? ", values " + doubles.length : "")
              + (ints != null ? ", values " + ints.length : ""));
    }
    // Counting sort by row, then insertion sort by column inside each row (rows are short).
    int[] rowPointers = new int[rows + 1];
    for (int k = 0; k < n; k++) {
      checkIndex("row", rowIndices[k], rows, k);
      checkIndex("column", columnIndices[k], cols, k);
      rowPointers[rowIndices[k] + 1]++;
    }
    for (int i = 0; i < rows; i++) {
      rowPointers[i + 1] += rowPointers[i];
    }
    int[] next = rowPointers.clone();
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[next[rowIndices[k]]++] = k;
    }
    int[] outPointers = new int[rows + 1];
    int[] outColumns = new int[n];
    double[] outDoubles = doubles == null ? null : new double[n];
    int[] outInts = ints == null ? null : new int[n];
    int nnz = 0;
    for (int i = 0; i < rows; i++) {
      sortRowByColumn(order, rowPointers[i], rowPointers[i + 1], columnIndices);
      for (int p = rowPointers[i]; p < rowPointers[i + 1]; p++) {
        int k = order[p];
        boolean duplicate = nnz > outPointers[i] && outColumns[nnz - 1] == columnIndices[k];
        int at = duplicate ? nnz - 1 : nnz++;
        outColumns[at] = columnIndices[k];
        if (outDoubles != null) {
          outDoubles[at] = duplicate ? outDoubles[at] + doubles[k] : doubles[k];
        }
        if (outInts != null) {
          outInts[at] = duplicate ? outInts[at] + ints[k] : ints[k];
        }
      }
      outPointers[i + 1] = nnz;
    }
    Object values =
        outDoubles != null
            ? java.util.Arrays.copyOf(outDoubles, nnz)
            : outInts != null ? java.util.Arrays.copyOf(outInts, nnz) : null;
    return SparseMatrix.csr(
        rows, cols, outPointers, java.util.Arrays.copyOf(outColumns, nnz), kind, values);
  }

  static void checkCsr(int rows, int cols, int[] rowPointers, int[] columnIndices) {
    checkDimensions(rows, cols);
    if (rowPointers == null || columnIndices == null) {
      throw new IllegalArgumentException(
          "the CSR "
              + (rowPointers == null ? "row pointers are" : "column indices are")
              + " null; pass row pointers of length rows + 1 and one column index per entry");
    }
    if (rowPointers.length != rows + 1) {
      throw new IllegalArgumentException(
          "CSR row pointers need length rows + 1 = " + (rows + 1) + ", got " + rowPointers.length);
    }
    if (rowPointers[0] != 0) {
      throw new IllegalArgumentException("CSR row pointers must start at 0, got " + rowPointers[0]);
    }
    if (rowPointers[rows] != columnIndices.length) {
      throw new IllegalArgumentException(
          "CSR row pointers end at "
              + rowPointers[rows]
              + " but there are "
              + columnIndices.length
              + " column indices; the last row pointer must equal the number of stored entries");
    }
    for (int i = 0; i < rows; i++) {
      if (rowPointers[i + 1] < rowPointers[i]) {
        throw new IllegalArgumentException(
            "CSR row pointers decrease at row "
                + i
                + ": "
                + rowPointers[i]
                + " > "
                + rowPointers[i + 1]
                + "; row pointers must not decrease (rowPointers[i] is where row i starts)");
      }
      for (int k = rowPointers[i]; k < rowPointers[i + 1]; k++) {
        checkIndex("column", columnIndices[k], cols, k);
        if (k > rowPointers[i] && columnIndices[k] <= columnIndices[k - 1]) {
          throw new IllegalArgumentException(
              "CSR column indices must be strictly increasing within a row; row "
                  + i
                  + " has "
                  + columnIndices[k - 1]
                  + " then "
                  + columnIndices[k]
                  + " (sort them, or build from coordinates with SparseMatrix.ofDoubles)");
        }
      }
    }
  }

  private static void checkDimensions(int rows, int cols) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException(
          "matrix dimensions must be non-negative, got " + rows + "x" + cols);
    }
  }

  private static void checkIndex(String what, int index, int bound, int entry) {
    if (index < 0 || index >= bound) {
      throw new IllegalArgumentException(
          what + " index " + index + " of entry " + entry + " is outside [0, " + bound + ")");
    }
  }

  private static void sortRowByColumn(int[] order, int from, int to, int[] columns) {
    for (int p = from + 1; p < to; p++) {
      int k = order[p];
      int q = p - 1;
      while (q >= from && columns[order[q]] > columns[k]) {
        order[q + 1] = order[q];
        q--;
      }
      order[q + 1] = k;
    }
  }
}

package dev.ad4j.engine.badinput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.SparseMatrix.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Catalogue, malformed sparse matrices: {@link SparseMatrix#csr} and the coordinate factories
 * refuse each inconsistency with an {@link IllegalArgumentException} naming the offending array,
 * entry or row and what it must be, and never reorder or write the caller's arrays (they are
 * wrapped, not copied, so this matters). {@code SparseMatrixTest} has the first three cases alone.
 */
class MalformedCsrTest {
  private static void refused(String message, Executable call, int[]... callerArrays) {
    int[][] before = new int[callerArrays.length][];
    for (int a = 0; a < callerArrays.length; a++) {
      before[a] = callerArrays[a].clone();
    }
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    for (int a = 0; a < callerArrays.length; a++) {
      assertArrayEquals(before[a], callerArrays[a], "array " + a + " was changed");
    }
  }

  @Test
  void unsortedColumnIndices_namesTheRowAndSuggestsCoordinates() {
    int[] ptr = {0, 2};
    int[] col = {2, 1};
    refused(
        "CSR column indices must be strictly increasing within a row; row 0 has 2 then 1 (sort"
            + " them, or build from coordinates with SparseMatrix.ofDoubles)",
        () -> SparseMatrix.csr(1, 3, ptr, col, Kind.DOUBLE, new double[] {1, 2}),
        ptr,
        col);
  }

  @Test
  void outOfRangeColumnIndex_namesTheEntryAndTheRange() {
    int[] ptr = {0, 1, 2};
    int[] col = {0, 3};
    refused(
        "column index 3 of entry 1 is outside [0, 3)",
        () -> SparseMatrix.csr(2, 3, ptr, col, Kind.PATTERN, null),
        ptr,
        col);
    int[] negative = {-1, 0};
    refused(
        "column index -1 of entry 0 is outside [0, 3)",
        () -> SparseMatrix.csr(2, 3, ptr, negative, Kind.PATTERN, null),
        ptr,
        negative);
  }

  @Test
  void rowPointersThatDoNotAddUp_sayWhatTheLastMustEqual() {
    int[] ptr = {0, 1, 3};
    int[] col = {0, 1};
    refused(
        "CSR row pointers end at 3 but there are 2 column indices; the last row pointer must"
            + " equal the number of stored entries",
        () -> SparseMatrix.csr(2, 3, ptr, col, Kind.PATTERN, null),
        ptr,
        col);
  }

  @Test
  void rowPointersThatDecrease_nameTheRow() {
    int[] ptr = {0, 2, 1, 3};
    int[] col = {0, 1, 2};
    refused(
        "CSR row pointers decrease at row 1: 2 > 1; row pointers must not decrease"
            + " (rowPointers[i] is where row i starts)",
        () -> SparseMatrix.csr(3, 3, ptr, col, Kind.PATTERN, null),
        ptr,
        col);
  }

  @Test
  void rowPointersOfTheWrongLengthOrStart_sayWhatIsNeeded() {
    int[] col = {0, 1};
    int[] shortPtr = {0, 2};
    refused(
        "CSR row pointers need length rows + 1 = 3, got 2",
        () -> SparseMatrix.csr(2, 3, shortPtr, col, Kind.PATTERN, null),
        shortPtr);
    int[] offset = {1, 2, 2};
    refused(
        "CSR row pointers must start at 0, got 1",
        () -> SparseMatrix.csr(2, 3, offset, col, Kind.PATTERN, null),
        offset);
  }

  @Test
  void valuesOfTheWrongTypeOrLength_nameTheKind() {
    int[] ptr = {0, 2};
    int[] col = {0, 1};
    refused(
        "a DOUBLE matrix needs a double[2] of values",
        () -> SparseMatrix.csr(1, 3, ptr, col, Kind.DOUBLE, new double[3]));
    refused(
        "an INTEGER matrix needs an int[2] of values",
        () -> SparseMatrix.csr(1, 3, ptr, col, Kind.INTEGER, new double[2]));
    refused(
        "a PATTERN matrix has no values; pass null",
        () -> SparseMatrix.csr(1, 3, ptr, col, Kind.PATTERN, new int[2]));
  }

  @Test
  void nullArraysOrKind_sayWhatToPass() {
    int[] col = {0};
    refused(
        "the CSR row pointers are null; pass row pointers of length rows + 1 and one column index"
            + " per entry",
        () -> SparseMatrix.csr(1, 3, null, col, Kind.PATTERN, null));
    refused(
        "the CSR kind is null; pass SparseMatrix.Kind.DOUBLE, INTEGER or PATTERN",
        () -> SparseMatrix.csr(1, 3, new int[] {0, 1}, col, null, null));
    refused(
        "the row index array is null; pass one index per stored entry (new int[0] for none)",
        () -> SparseMatrix.ofIntegers(2, 2, null, col, new int[] {1}));
    refused(
        "the values array of an integer matrix is null; pass one value per coordinate, or use"
            + " SparseMatrix.pattern",
        () -> SparseMatrix.ofIntegers(2, 2, new int[] {0}, col, null));
  }

  @Test
  void coordinatesOutOfRange_nameTheEntry() {
    int[] rows = {0, 2};
    int[] cols = {0, 0};
    refused(
        "row index 2 of entry 1 is outside [0, 2)",
        () -> SparseMatrix.ofDoubles(2, 2, rows, cols, new double[] {1, 2}),
        rows,
        cols);
  }
}

package no.forlop.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes tables as an Excel workbook (.xlsx): one sheet per table, each starting with the title and
 * the filters, then the header (bold, frozen) and the rows. Numbers are written as numbers so they
 * can be summed; a suppressed count ("<3") and a missing value stay text.
 */
public final class XlsxTables {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");

  private XlsxTables() {}

  public static byte[] write(Tables tables) {
    try (var workbook = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      var bold = workbook.createCellStyle();
      var font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      var names = new HashSet<String>();
      for (var table : tables.tables()) {
        var sheet = workbook.createSheet(sheetName(table, names));
        int r = 0;
        row(sheet, r++, List.of(tables.title()), bold);
        row(sheet, r++, List.of(table.title()), bold);
        for (var filter : tables.filters()) {
          row(sheet, r++, filter, null);
        }
        r++;
        row(sheet, r, table.header(), bold);
        sheet.createFreezePane(0, r + 1);
        r++;
        for (var values : table.rows()) {
          row(sheet, r++, values, null);
        }
        for (int c = 0; c < table.header().size(); c++) {
          sheet.setColumnWidth(c, Math.min(60, Math.max(12, width(table, c))) * 256);
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sheetName(Table table, HashSet<String> used) {
    var base = WorkbookUtil.createSafeSheetName(table.title());
    var name = base.length() > 28 ? base.substring(0, 28) : base;
    var unique = name;
    for (int i = 2; !used.add(unique.toLowerCase(java.util.Locale.ROOT)); i++) {
      unique = name + " " + i;
    }
    return unique;
  }

  private static int width(Table table, int column) {
    int width = table.header().get(column).length();
    for (var row : table.rows()) {
      if (column < row.size()) {
        width = Math.max(width, row.get(column).length());
      }
    }
    return width + 2;
  }

  private static void row(Sheet sheet, int index, List<String> values, @Nullable CellStyle style) {
    var row = sheet.createRow(index);
    for (int c = 0; c < values.size(); c++) {
      var cell = row.createCell(c);
      var value = values.get(c);
      if (NUMBER.matcher(value).matches() && value.length() < 16) {
        cell.setCellValue(Double.parseDouble(value.replace(',', '.')));
      } else {
        cell.setCellValue(value);
      }
      if (style != null) {
        cell.setCellStyle(style);
      }
    }
  }
}

"""The GB/T 9704-2012 page (党政机关公文格式) for documents printed for parties, with python-docx.

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (a 156 × 225 mm type area); title
in 2号 小标宋, body in 3号 仿宋_GB2312, headings in 黑体; 22 lines of 28 characters (exact 28.95 pt
lines on a line grid; characters condensed by 0.25 pt so 28 fit in 156 mm); page numbers "— 1 —"
in 4号 宋体 below the type area, odd pages on the right and even pages on the left, one character
in from the edge. The grid is lines only: a character grid (``linesAndChars``) is what Word's
公文 templates use, but LibreOffice spreads such text to ~17 characters a line.

Fonts are named, never embedded: every run names its font for both Latin and East-Asian text
(``w:ascii``/``w:hAnsi``/``w:eastAsia``; python-docx's ``font.name`` sets only the Latin ones),
and the font table gives each an alternative name (``w:altName``) that Word falls back to on a
machine without the 方正/GB2312 fonts: 小标宋 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体."""

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

import docx
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from lxml import etree

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
FALLBACK_FONTS = {
    TITLE_FONT: "宋体",
    BODY_FONT: "仿宋",
    SUBHEADING_FONT: "楷体",
    HEADING_FONT: "SimHei",
    PAGE_NUMBER_FONT: "SimSun",
}

SIZE_2 = 22  # 二号
SIZE_3 = 16  # 三号
SIZE_4 = 14  # 四号
SIZE_SMALL_4 = 12  # 小四: form cells

LINE_PITCH_TWIPS = 579  # 28.95 pt: 22 lines fill the 225 mm type area
CONDENSE_TWENTIETHS = -5  # 16 pt − 0.25 pt = 15.75 pt a character: 28 fill 156 mm (442 pt)
TABLE_LINE = Pt(20)

# the elements that follow w:spacing in a w:rPr (schema order)
_RPR_AFTER_SPACING = (
    "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
    "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip

# XML 1.0 refuses these; party-typed text may carry them (pasted from elsewhere)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(value) -> str:
    return _NOT_XML.sub("", "" if value is None else str(value))


def text_width(value: str) -> float:
    """Width in body characters: ASCII is half width."""
    return sum(0.5 if ord(ch) < 0x2000 else 1 for ch in value)


def set_font(run, name: str, size: float, *, bold: bool = False) -> None:
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    fonts.set(qn("w:hint"), "eastAsia")
    run.font.size = Pt(size)
    if bold:
        run.font.bold = True


def _off_grid(paragraph) -> None:
    """Form cells keep their own 20 pt lines instead of the page's 28.95 pt line grid."""
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    paragraph._p.get_or_add_pPr().insert_element_before(
        snap,
        "w:spacing",
        "w:ind",
        "w:jc",
        "w:textAlignment",
        "w:outlineLvl",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange",
    )


@dataclass
class Row:
    """One row of a form table: cells are text or (text, span) over 4 columns; a cell starting
    in an even column with span 1 is a label (centred), every other cell a value."""

    cells: list
    height_mm: float = 10


class OfficialDocument:
    """A document on the GB/T 9704 page; add blocks in reading order, then ``to_bytes()``."""

    def __init__(self, title: str, *, author: str = "", created=None):
        self.doc = docx.Document()
        self._setup_page()
        self._setup_defaults()
        self._register_fonts()
        self._page_numbers()
        self._properties(title, author, created)

    def _properties(self, title: str, author: str, created) -> None:
        # the template's preview picture is of another document: a viewer would show it
        package_rels = self.doc.part.package.rels
        for rel_id in [k for k, r in package_rels.items() if r.reltype.endswith("/thumbnail")]:
            package_rels.pop(rel_id)
        props = self.doc.core_properties
        props.title, props.author, props.last_modified_by = (
            clean(title),
            clean(author),
            clean(author),
        )
        props.comments, props.keywords, props.language, props.revision = "", "", "zh-CN", 1
        if created is not None:
            props.created = props.modified = created

    # ---- page -----------------------------------------------------------------------------

    def _setup_page(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Twips(11906), Twips(16838)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.header_distance = Mm(15)
        # the number's top sits 7 mm under the type area: 35 − 7 − one 16 pt line ≈ 22 mm
        section.footer_distance = Mm(22)
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            section._sectPr.append(grid)
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))

    def _setup_defaults(self) -> None:
        normal = self.doc.styles["Normal"]
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), BODY_FONT)
        normal.font.size = Pt(SIZE_3)
        # condensed for every run that does not say otherwise (titles and forms barely notice)
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(CONDENSE_TWENTIETHS))
        normal.element.get_or_add_rPr().insert_element_before(spacing, *_RPR_AFTER_SPACING)
        normal.paragraph_format.line_spacing = Twips(LINE_PITCH_TWIPS)
        normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
        # on a fixed grid lines do not move to keep pairs together
        normal.paragraph_format.widow_control = False
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
        if lang is not None:
            lang.set(qn("w:eastAsia"), "zh-CN")
        theme_lang = self.doc.settings.element.find(qn("w:themeFontLang"))
        if theme_lang is not None:
            theme_lang.set(qn("w:eastAsia"), "zh-CN")

    def _register_fonts(self) -> None:
        part = next(
            r.target_part for r in self.doc.part.rels.values() if r.reltype.endswith("/fontTable")
        )
        root = etree.fromstring(part.blob)
        named = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
        for name, fallback in FALLBACK_FONTS.items():
            if name in named:
                continue
            font = etree.SubElement(root, qn("w:font"))
            font.set(qn("w:name"), name)
            etree.SubElement(font, qn("w:altName")).set(qn("w:val"), fallback)
            etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
            etree.SubElement(font, qn("w:family")).set(
                qn("w:val"), "modern" if "仿宋" in name or "黑" in name else "roman"
            )
            etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
        # python-docx keeps the font table as an opaque part; replace its bytes
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _page_numbers(self) -> None:
        self.doc.settings.odd_and_even_pages_header_footer = True
        section = self.doc.sections[0]
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.alignment = align
            fmt = paragraph.paragraph_format
            fmt.line_spacing, fmt.first_line_indent = Pt(SIZE_3), None
            fmt.right_indent = Pt(SIZE_4) if align == WD_ALIGN_PARAGRAPH.RIGHT else None
            fmt.left_indent = Pt(SIZE_4) if align == WD_ALIGN_PARAGRAPH.LEFT else None
            self._run(paragraph, "— ", PAGE_NUMBER_FONT, SIZE_4)
            self._field(paragraph, "PAGE", "1")
            self._run(paragraph, " —", PAGE_NUMBER_FONT, SIZE_4)

    def _field(self, paragraph, instruction: str, shown: str) -> None:
        for kind in ("begin", "instr", "separate", "shown", "end"):
            run = self._run(paragraph, "", PAGE_NUMBER_FONT, SIZE_4)
            if kind == "instr":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = f" {instruction} "
                run._r.append(instr)
            elif kind == "shown":
                run.text = shown
            else:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._r.append(char)

    # ---- blocks ---------------------------------------------------------------------------

    @staticmethod
    def _run(
        paragraph,
        text: str,
        font: str = BODY_FONT,
        size: float = SIZE_3,
        *,
        bold=False,
        underline=False,
    ):
        run = paragraph.add_run(clean(text))
        set_font(run, font, size, bold=bold)
        if underline:
            run.font.underline = True
        return run

    def title(self, text: str) -> None:
        """The title, centred in 2号 小标宋 (one paragraph per line), then one blank line."""
        for line in clean(text).splitlines():
            paragraph = self.doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.keep_with_next = True
            self._run(paragraph, line, TITLE_FONT, SIZE_2)
        self.blank()

    def blank(self) -> None:
        self.doc.add_paragraph()

    def para(
        self, parts, *, indent: bool = True, align=None, size: float = SIZE_3, keep_with_next=False
    ):
        """One paragraph: ``parts`` is text or a list of (text, font) pieces; first line indented
        two characters unless ``indent`` is false."""
        if isinstance(parts, str):
            parts = [(parts, BODY_FONT)]
        paragraph = self.doc.add_paragraph()
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(size * 2)
        if align is not None:
            paragraph.alignment = align
        paragraph.paragraph_format.keep_with_next = keep_with_next
        for text, font in parts:
            self._run(paragraph, text, font, size)
        return paragraph

    def text(self, value: str, *, empty: str = "无") -> None:
        """Free text typed by staff: one indented paragraph per non-empty line."""
        lines = [line.strip() for line in clean(value).splitlines() if line.strip()]
        for line in lines or [empty]:
            self.para(line)

    def heading(self, text: str) -> None:
        """A first-level heading ("一、…") in 黑体."""
        self.para([(text, HEADING_FONT)], keep_with_next=True)

    def field(self, label: str, value: str) -> None:
        """A "label：value" line, the label in 黑体."""
        self.para([(f"{label}：", HEADING_FONT), (value or "无", BODY_FONT)])

    def right(self, text: str) -> None:
        self.para(text, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)

    def signature(self, label: str, *, blank_chars: int = 8, dated: bool = False) -> None:
        """A line to sign on: the label, an underlined blank and, if ``dated``, "年 月 日"."""
        paragraph = self.para(label, indent=False)
        paragraph.paragraph_format.space_before = Pt(12)
        self._run(paragraph, "\u3000" * blank_chars, underline=True)
        if dated:
            self._run(paragraph, "\u3000\u3000年\u3000\u3000月\u3000\u3000日")

    def closing(self, organisation: str, date_text: str) -> None:
        """The signature block: one blank line, then the organisation centred over the date,
        the date four characters in from the right (GB/T 9704 §7.3.5.1; a name longer than the
        date moves both in from two characters)."""
        self.blank()
        org_width, date_width = text_width(organisation), text_width(date_text)
        if org_width <= date_width:
            org_right, date_right = 4 + (date_width - org_width) / 2, 4
        else:
            org_right, date_right = 2, 2 + (org_width - date_width) / 2
        for text, right in ((organisation, org_right), (date_text, date_right)):
            if text:
                paragraph = self.para(text, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
                paragraph.paragraph_format.right_indent = Pt(SIZE_3 * right)

    def form(self, rows: Iterable[Row], widths_mm=(26, 52, 26, 52)) -> None:
        """A ruled form in 小四 仿宋 over four columns (label, value, label, value)."""
        rows = [r if isinstance(r, Row) else Row(list(r)) for r in rows]
        table = self.doc.add_table(rows=len(rows), cols=len(widths_mm))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        for index, row in enumerate(rows):
            self._form_row(table, index, row, widths_mm)
        self.blank()

    def _form_row(self, table, index: int, row: Row, widths_mm) -> None:
        table.rows[index].height = Mm(row.height_mm)
        table.rows[index].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        column = 0
        for item in row.cells:
            text, span = (item, 1) if isinstance(item, str) else item
            cell = table.cell(index, column)
            if span > 1:
                cell = cell.merge(table.cell(index, column + span - 1))
            cell.width = Mm(sum(widths_mm[column : column + span]))
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            label = span == 1 and column % 2 == 0
            lines = clean(text).splitlines() or [""]
            for number, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
                paragraph.paragraph_format.line_spacing = TABLE_LINE
                _off_grid(paragraph)
                paragraph.alignment = (
                    WD_ALIGN_PARAGRAPH.CENTER if label else WD_ALIGN_PARAGRAPH.LEFT
                )
                self._run(paragraph, line, BODY_FONT, SIZE_SMALL_4)
            column += span

    def page_break(self) -> None:
        self.doc.add_page_break()

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

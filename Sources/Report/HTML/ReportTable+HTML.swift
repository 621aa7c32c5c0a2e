extension ReportTable {
    /// An HTML table (units under the titles, numbers right-aligned, tones as classes) and its notes.
    func html() -> String {
        func cellClass(_ alignment: Alignment, _ tone: Tone) -> String {
            [alignment == .right ? "num" : nil, tone == .plain ? nil : tone.rawValue].compactMap { $0 }.joined(separator: " ")
        }
        let head = columns.map { column in
            let unit = column.unit.map { Markup.element("span", ["class": "unit"], Markup.escape($0)) } ?? ""
            return Markup.element("th", attributes: column.alignment == .right ? [("class", "num")] : [],
                                  Markup.escape(column.title) + unit)
        }.joined()
        let body = rows.map { row in
            Markup.element("tr", [:], zip(columns, row).map { column, cell in
                let classes = cellClass(column.alignment, cell.tone)
                return Markup.element("td", attributes: classes.isEmpty ? [] : [("class", classes)], Markup.escape(cell.text))
            }.joined())
        }.joined(separator: "\n")
        var html = Markup.element("div", ["class": "table-wrap"], Markup.element("table", ["class": "report"],
            Markup.element("thead", [:], Markup.element("tr", [:], head)) + "\n" + Markup.element("tbody", [:], body)))
        if !notes.isEmpty {
            html += "\n" + Markup.element("ul", ["class": "notes"], notes.map {
                Markup.element("li", ["class": $0.tone.rawValue], Markup.escape($0.text))
            }.joined())
        }
        return html
    }
}

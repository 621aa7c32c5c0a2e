/// A small, strict RFC 4180 reader for checking what `SummaryCSV` writes.
enum RFC4180Parser {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let c = scalars[index]
            scalars.formIndex(after: &index)
            if quoted {
                if c == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.unicodeScalars.append("\""); scalars.formIndex(after: &index)
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty else { throw Malformed() }
                quoted = true
            case ",":
                record.append(field); field = ""
            case "\r":
                guard index < scalars.endIndex, scalars[index] == "\n" else { throw Malformed() }
                scalars.formIndex(after: &index)
                record.append(field); field = ""
                records.append(record); record = []
            case "\n":
                throw Malformed() // records end with CRLF
            default:
                field.unicodeScalars.append(c)
            }
        }
        guard !quoted, field.isEmpty, record.isEmpty else { throw Malformed() }
        return records
    }
}

import Foundation

/// XML text built by hand: every attribute value and text node escaped, so the output is
/// well-formed XHTML and SVG whatever a scenario name or a failure reason contains.
enum Markup {
    /// `text` safe inside an element or a double-quoted attribute.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `<name a="v">content</name>`, or `<name a="v"/>` without content. `content` is markup:
    /// escape text before passing it.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:],
                        _ content: String? = nil) -> String {
        element(name, attributes: attributes.map { ($0.key, $0.value) }, content)
    }

    /// `element` with attributes assembled at run time.
    static func element(_ name: String, attributes: [(String, String)], _ content: String? = nil) -> String {
        let attributeText = attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
        guard let content else { return "<\(name)\(attributeText)/>" }
        return "<\(name)\(attributeText)>\(content)</\(name)>"
    }

    /// A coordinate or length for SVG: one decimal is finer than a pixel.
    static func number(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

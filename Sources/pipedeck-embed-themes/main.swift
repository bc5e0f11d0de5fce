import Foundation

// Writes a Swift file holding the exact text of each theme file given, for the EmbedThemes build
// step of PipedeckRender: `pipedeck-embed-themes OUTPUT FILE.theme...`. Not part of the product.

/// A Swift string literal of `text`, escaped so that it holds exactly the same characters.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: pipedeck-embed-themes OUTPUT FILE.theme...\n".utf8))
    exit(2)
}
var source = "// Generated at build time by pipedeck-embed-themes from the package's themes/ folder.\n"
source += "// Do not edit: edit the .theme file instead.\n\n"
source += "enum EmbeddedThemes {\n"
source += "    /// Each theme file's name without \".theme\", and its text.\n"
source += "    static let files: [String: String] = [\n"
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(path): not a readable UTF-8 file\n".utf8))
        exit(1)
    }
    let name = url.deletingPathExtension().lastPathComponent
    source += "        \(literal(name)): \(literal(text)),\n"
}
source += "    ]\n}\n"
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("\(output): \(error)\n".utf8))
    exit(1)
}

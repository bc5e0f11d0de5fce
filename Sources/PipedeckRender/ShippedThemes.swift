/// The themes shipped with Pipedeck. Their files are in Sources/PipedeckRender/Themes (the one
/// copy); SwiftPM embeds each file's bytes in the binary (`PackageResources`, the target's
/// `.embedInCode` resources), so `pipedeck` needs no files beside it wherever it is run from.
/// A new theme file is added to `files` below; ShippedThemeFileTests fails until it is.
public enum ShippedThemes {
    /// In the order the `t` key cycles through them.
    static let files: [(name: String, bytes: [UInt8])] = [
        ("default", PackageResources.default_theme),
        ("dark", PackageResources.dark_theme),
        ("light", PackageResources.light_theme),
        ("solarized-dark", PackageResources.solarized_dark_theme),
        ("high-contrast", PackageResources.high_contrast_theme),
        ("monochrome", PackageResources.monochrome_theme),
    ]

    /// The shipped theme names, in the order the `t` key cycles through them.
    public static let names: [String] = files.map(\.name)

    /// The text of the shipped theme `name`, or nil.
    public static func text(named name: String) -> String? {
        files.first { $0.name == name }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}

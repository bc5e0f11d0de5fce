/// The themes shipped with Pipedeck. Their files are in the package's themes/ folder (the one
/// copy); the EmbedThemes build step (Plugins/EmbedThemes) compiles each file's text into the
/// binary (`EmbeddedThemes`), so `pipedeck` needs no files beside it wherever it is run from.
/// A new theme file is added to `names` below; ShippedThemeFileTests fails until it is.
public enum ShippedThemes {
    /// The shipped theme names, in the order the `t` key cycles through them.
    public static let names: [String] = ["default", "dark", "light", "solarized-dark", "high-contrast", "monochrome"]

    /// The text of the shipped theme `name`, or nil.
    public static func text(named name: String) -> String? {
        names.contains(name) ? EmbeddedThemes.files[name] : nil
    }

    /// The names of every embedded theme file, listed in `names` or not (for the test that keeps
    /// them in step).
    static var embeddedNames: Set<String> { Set(EmbeddedThemes.files.keys) }
}

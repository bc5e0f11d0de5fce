import Foundation
import PackagePlugin

/// Build step of PipedeckRender: turns the theme files of the package's `themes/` folder (their
/// one copy, which users read and copy) into a generated Swift file, so that the themes are
/// compiled into the `pipedeck` binary and no test or person ever edits a copy in `Sources/`.
@main
struct EmbedThemes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appendingPathComponent("themes")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "theme" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedThemes.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) themes from themes/",
                executable: try context.tool(named: "pipedeck-embed-themes").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}

import Foundation

/// The built `pipedeck` executable the tests run: `PIPEDECK_BINARY` if set, else next to the
/// test bundle (.build/<config>/ on Linux), else a `.build*/debug/pipedeck` found upwards
/// from this file.
public enum PipedeckBinary {
    public static let url: URL? = {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["PIPEDECK_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var folders: [URL] = []
        // Linux: the .xctest file is itself the running executable.
        if let exe = Bundle.main.executableURL { folders.append(exe.deletingLastPathComponent()) }
        if let first = CommandLine.arguments.first, !first.isEmpty {
            folders.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        // macOS: a .xctest bundle inside .build/<config>/.
        for b in Bundle.allBundles where b.bundleURL.pathExtension == "xctest" {
            folders.append(b.bundleURL.deletingLastPathComponent())
        }
        var up = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while up.path != "/" && !up.path.isEmpty {
            for build in [".build-cli", ".build"] { folders.append(up.appendingPathComponent(build + "/debug")) }
            up = up.deletingLastPathComponent()
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("pipedeck")
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                fm.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        return nil
    }()

    /// `url`, or the conventional place when it was not found (so a failure names it).
    public static var urlOrGuess: URL { url ?? URL(fileURLWithPath: ".build/debug/pipedeck") }
}

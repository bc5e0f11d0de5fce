import Foundation

/// Runs the built `pipedeck` once, as a script would: UTF-8, UTC, no $PIPEDECK_FILE.
enum PipedeckProcess {
    static func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = TmuxSession.pipedeckBinary
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"; env["TZ"] = "UTC"
        env.removeValue(forKey: "PIPEDECK_FILE")
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

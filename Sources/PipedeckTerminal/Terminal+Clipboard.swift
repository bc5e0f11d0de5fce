import CNcursesw
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Terminal {
    /// Puts `text` on the clipboard with the OSC 52 escape, which terminals (and tmux with
    /// `set-clipboard on`) pass on, over ssh too. A terminal that does not know it ignores it.
    public func copyToClipboard(_ text: String) {
        let out = outputFile ?? pd_stdout()
        fputs(Terminal.osc52(text), out)
        fflush(out)
    }

    /// The escape that sets the clipboard ("c") to `text`: ESC ] 52 ; c ; base64 BEL.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}

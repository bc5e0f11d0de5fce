public enum PipedeckMain {
    public static func run() {}
}

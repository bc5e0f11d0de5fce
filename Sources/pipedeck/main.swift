import PipedeckCLI

PipedeckMain.run()

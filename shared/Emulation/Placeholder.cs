namespace StreamProcessor.Emulation; internal static class Placeholder { }

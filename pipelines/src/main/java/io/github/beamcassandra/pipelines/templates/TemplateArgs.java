package io.github.beamcassandra.pipelines.templates;

final class TemplateArgs {
  private TemplateArgs() {}

  static String[] withCommand(String command, String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = command;
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }
}

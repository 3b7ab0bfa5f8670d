package dev.vocero.workers;

import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.StartupSecrets;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;

/** {@code server} and {@code worker}: Dropwizard's server command with the process role set. */
public class ModeCommand extends ServerCommand<VoceroConfiguration> {
  private final Mode mode;

  public ModeCommand(Application<VoceroConfiguration> application, String name, String description, Mode mode) {
    super(application, name, description);
    this.mode = mode;
  }

  @Override
  protected void run(Bootstrap<VoceroConfiguration> bootstrap, Namespace namespace, VoceroConfiguration configuration)
      throws Exception {
    configuration.setMode(mode);
    List<String> problems = mode.dev() ? List.of() : StartupSecrets.problems(configuration);
    if (!problems.isEmpty()) {
      throw new RefusedConfiguration(problems);
    }
    super.run(bootstrap, namespace, configuration);
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (e instanceof RefusedConfiguration refused) {
      cli.getStdErr().println(refused.getMessage()); // a newcomer's mistake, not a crash: no stack trace
    } else {
      super.onError(cli, namespace, e);
    }
  }

  /** The configuration names secrets that are missing or public; the message says which keys to set. */
  public static final class RefusedConfiguration extends Exception {
    RefusedConfiguration(List<String> problems) {
      super("Vocero will not start with these settings:\n  - " + String.join("\n  - ", problems)
          + "\n(vocero dev needs none of them.)");
    }
  }
}

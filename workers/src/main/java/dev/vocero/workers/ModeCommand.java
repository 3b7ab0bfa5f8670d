package dev.vocero.workers;

import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
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
    super.run(bootstrap, namespace, configuration);
  }
}

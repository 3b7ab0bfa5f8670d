package dev.vocero.workers.logging;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import io.dropwizard.request.logging.layout.LogbackAccessRequestLayout;
import java.util.List;
import java.util.TimeZone;

/**
 * Dropwizard's access-log layout with phone numbers in the request line masked (layout {@code type: vocero-access});
 * Vocero puts it on every request-log appender that names no layout of its own.
 */
@JsonTypeName("vocero-access")
public class MaskedAccessLayoutFactory implements DiscoverableLayoutFactory<IAccessEvent> {

  @Override
  public LayoutBase<IAccessEvent> build(LoggerContext context, TimeZone timeZone) {
    return new LogbackAccessRequestLayout(context, timeZone) {
      @Override
      public String doLayout(IAccessEvent event) {
        return AccessLogMasking.mask(super.doLayout(event));
      }
    };
  }

  /** Sets this layout on the appenders that have none (the default layout logs numbers in full). */
  public static void applyTo(List<AppenderFactory<IAccessEvent>> appenders) {
    for (AppenderFactory<IAccessEvent> appender : appenders) {
      if (appender instanceof AbstractAppenderFactory<IAccessEvent> factory && factory.getLayout() == null) {
        factory.setLayout(new MaskedAccessLayoutFactory());
      }
    }
  }
}

package dev.vocero.store.audio;

import java.util.List;
import java.util.UUID;

/** A starter opportunity dictionary for contact centres (collections, sales, retention) in Spanish and English. */
public final class DefaultKeywords {

  /** One dictionary entry; {@code priority} is low, medium or high and {@code language} es or en. */
  public record Entry(String keyword, String topic, String priority, List<String> variants, String language) {}

  private static final List<Entry> ENTRIES = List.of(
      es("pagar", "payment_promise", "high", "pago", "pagaré", "pagaría", "abonar", "abono", "depositar",
          "transferir"),
      es("me comprometo", "payment_promise", "high", "le prometo", "sin falta", "cuente con ello"),
      es("no puedo pagar", "payment_difficulty", "high", "no tengo dinero", "no tengo plata", "no me alcanza",
          "sin trabajo", "estoy en paro", "no llego a fin de mes"),
      es("refinanciar", "payment_difficulty", "medium", "plan de pagos", "en cuotas", "aplazar", "prórroga",
          "más plazo"),
      es("me interesa", "purchase_intent", "medium", "quiero contratar", "me gustaría contratar", "me apunto"),
      es("no me interesa", "not_interested", "low", "no estoy interesado", "no estoy interesada"),
      es("cuánto cuesta", "purchase_intent", "medium", "precio", "tarifa", "cotización", "presupuesto"),
      es("tarjeta de crédito", "upsell", "medium", "préstamo", "línea de crédito", "crédito personal"),
      es("mejorar mi plan", "upsell", "low", "más velocidad", "más datos", "otra línea"),
      es("cancelar", "cancellation_risk", "high", "dar de baja", "darme de baja", "cambiarme de compañía",
          "otra compañía", "portabilidad", "rescindir"),
      es("queja", "complaint", "medium", "reclamo", "reclamación", "estoy harto", "estoy harta", "pésimo servicio"),
      es("hoja de reclamaciones", "complaint", "high", "libro de reclamaciones", "defensa del consumidor", "profeco"),
      es("abogado", "legal_threat", "high", "abogada", "demandar", "denunciar", "denuncia", "acciones legales",
          "tribunales"),
      es("llamar más tarde", "callback_request", "medium", "llámeme luego", "llámeme más tarde", "vuelva a llamar",
          "ahora no puedo", "llámame mañana"),
      es("fraude", "fraud_risk", "high", "no reconozco", "no autoricé", "suplantación", "me robaron"),
      es("no me llamen", "do_not_call", "high", "no me llame más", "no vuelvan a llamar", "borren mi número"),
      en("pay", "payment_promise", "high", "payment", "i will pay", "i'll pay", "pay off", "next paycheck"),
      en("can't pay", "payment_difficulty", "high", "cannot pay", "can't afford", "cannot afford", "lost my job",
          "unemployed", "short on money"),
      en("payment plan", "payment_difficulty", "medium", "installments", "more time", "defer"),
      en("i'm interested", "purchase_intent", "medium", "i am interested", "sign me up", "i'd like to buy"),
      en("not interested", "not_interested", "low", "no thanks", "not for me"),
      en("how much", "purchase_intent", "medium", "price", "pricing", "quote"),
      en("upgrade", "upsell", "low", "premium", "add a line", "more data"),
      en("cancel my", "cancellation_risk", "high", "cancel the service", "close my account", "switch providers",
          "terminate my contract"),
      en("complaint", "complaint", "medium", "complain", "supervisor", "manager", "unacceptable"),
      en("lawyer", "legal_threat", "high", "attorney", "sue", "lawsuit", "legal action"),
      en("call me back", "callback_request", "medium", "call back later", "call me later", "not a good time"),
      en("do not call", "do_not_call", "high", "don't call", "stop calling", "remove my number",
          "take me off your list"));

  private DefaultKeywords() {}

  public static List<Entry> spanishAndEnglish() {
    return ENTRIES;
  }

  /** Inserts the entries the organization does not have yet (by keyword, ignoring case); returns how many. */
  public static int seed(KeywordDao dao, UUID orgId) {
    int inserted = 0;
    for (Entry entry : ENTRIES) {
      if (!dao.exists(orgId, entry.keyword(), -1)) {
        dao.insert(orgId, entry.keyword(), entry.topic(), entry.priority(), entry.variants(), entry.language());
        inserted++;
      }
    }
    return inserted;
  }

  private static Entry es(String keyword, String topic, String priority, String... variants) {
    return new Entry(keyword, topic, priority, List.of(variants), "es");
  }

  private static Entry en(String keyword, String topic, String priority, String... variants) {
    return new Entry(keyword, topic, priority, List.of(variants), "en");
  }
}

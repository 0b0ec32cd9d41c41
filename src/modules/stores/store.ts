export interface Store {
  id: string;
  code: string;
  name: string;
  city: string | null;
  time_zone: string;
}

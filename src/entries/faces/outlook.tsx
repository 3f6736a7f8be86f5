/** The Outlook task pane page: the organiser's face on the calendar item the host names (`?item=`). */
import { OrganiserPane } from '../../views/faces/OrganiserPane';
import { mountFace } from './mount';

mountFace((url) => <OrganiserPane eventId={url.searchParams.get('item') ?? ''} />);
